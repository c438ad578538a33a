package io.dittofs.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs real client tools; a missing tool is a failure, never a skip. */
public final class Tools {

    public record Result(int exit, String output) {
    }

    private Tools() {
    }

    public static Result run(List<String> cmd) throws IOException, InterruptedException {
        Path exe = Path.of("/usr/bin", cmd.get(0));
        if (!Files.isExecutable(exe)) {
            throw new AssertionError(cmd.get(0) + " is not installed: apt-get install libnfs-utils (.ci/run does)");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish");
        }
        return new Result(p.exitValue(), out.toString());
    }

    public static Result ok(String... cmd) throws IOException, InterruptedException {
        Result r = run(List.of(cmd));
        if (r.exit() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed with " + r.exit() + ":\n" + r.output());
        }
        return r;
    }

    public static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 20];
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
