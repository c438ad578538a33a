package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fast recovery with the control plane on (the default): after a kill -9 the suite serves NFS from
 * the gateway's share snapshot while its control plane is still starting, and once the control
 * plane is up its configuration wins. The snapshot put back before the restart is an older one that
 * still lists a share deleted since (what a gateway that missed the deletion would hold): it is
 * not mountable even then (deleting the share deleted its namespace in the metadata-service), and
 * refused by the registry once the control plane delivers.
 */
class FastRestartIT {

    private static final String PASSWORD = "fast-restart-admin-pw";

    @TempDir
    Path tmp;

    @Test
    void nfsServesBeforeTheControlPlaneIsUpAndItsConfigurationWinsOnceItIs() throws Exception {
        Path data = tmp.resolve("data");
        Path snapshot = data.resolve("gateway/shares.snapshot");
        Path stale = tmp.resolve("stale.snapshot");
        Path local = tmp.resolve("before.txt");
        Files.writeString(local, "written before the crash\n");
        String[] args = {"--dittofs.control.http-port=0", "--dittofs.control.admin-initial-password=" + PASSWORD};
        Path home = Files.createDirectories(tmp.resolve("home"));
        Suite first = Suite.start(data, args);
        try {
            String api = "http://127.0.0.1:" + Files.readString(data.resolve("api.port")).trim();
            dfsctl(home, api, "login", "-u", "admin", "-p", PASSWORD);
            dfsctl(home, api, "share", "create", "ghost", "--path", "/ghost", "--protocol", "NFS");
            awaitTrue(() -> exit("nfs-ls", url("ghost", "", first.port)) == 0, "ghost exported");
            Tools.ok("nfs-cp", local.toString(), url("export", "before.txt", first.port));
            awaitTrue(() -> snapshotNames(snapshot, "ghost"), "the snapshot lists ghost");
            Files.copy(snapshot, stale);
            dfsctl(home, api, "share", "delete", "ghost");
            awaitTrue(() -> !snapshotNames(snapshot, "ghost"), "the snapshot follows the deletion");
        } finally {
            first.jvm.kill();
        }

        Files.copy(stale, snapshot, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(data.resolve("api.port"));
        try (Suite second = Suite.start(data, args)) {
            int port = second.port;
            assertThat(Tools.ok("nfs-cat", url("export", "before.txt", port)).output()).contains("written before the crash");
            assertThat(data.resolve("api.port")).as("read before the control plane started").doesNotExist();
            assertThat(second.jvm.logText()).contains("exporting 2 share(s) from the snapshot of revision")
                    .doesNotContain(" ready in ");
            // the older snapshot still lists ghost, but deleting it deleted its namespace too: no mount
            assertThat(exit("nfs-ls", url("ghost", "", port))).as("a deleted share's root is gone").isNotZero();

            awaitTrue(() -> Files.exists(data.resolve("api.port")), "the control plane starts");
            awaitTrue(() -> exit("nfs-ls", url("ghost", "", port)) != 0, "ghost refused once the control plane delivered");
            awaitTrue(() -> second.jvm.logText().contains(" ready in "), "the suite reports ready");
            assertThat(Tools.ok("nfs-cat", url("export", "before.txt", port)).output()).contains("written before the crash");
            awaitTrue(() -> !snapshotNames(snapshot, "ghost"), "the snapshot is rewritten from the control plane");
        }
    }

    private static boolean snapshotNames(Path snapshot, String share) {
        try {
            return new String(Files.readAllBytes(snapshot), StandardCharsets.ISO_8859_1).contains("/" + share);
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String url(String share, String path, int port) {
        return "nfs://127.0.0.1/" + share + "/" + path + "?nfsport=" + port + "&mountport=" + port;
    }

    private static int exit(String... cmd) {
        try {
            return Tools.run(List.of(cmd)).exit();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 6 minutes: " + what);
            }
            Thread.sleep(100);
        }
    }

    /** The real dfsctl jar, with its own HOME so its token file stays in the test's directory. */
    private static void dfsctl(Path home, String api, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("dfsctl.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new AssertionError("dfsctl jar not found at " + jar);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-jar", jar, "--server", api));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("dfsctl " + String.join(" ", args) + " did not finish");
        }
        assertThat(p.exitValue()).as("dfsctl " + String.join(" ", args) + ":\n" + out).isZero();
    }
}
