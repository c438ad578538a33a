package io.dittofs.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The launcher's main() in a child JVM on the test classpath, run to completion: exit code and output. */
record LauncherProcess(int exitCode, String output, long millis) {

    static LauncherProcess run(Path workDir, String... args) throws IOException, InterruptedException {
        return runMain(workDir, DittoFsLauncher.class.getName(), args);
    }

    static LauncherProcess runMain(Path workDir, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                mainClass));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("launcher-process", ".log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        // generous for a loaded build machine; a hang (the old failure mode) still fails here
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the launcher did not exit within 120 s:\n" + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new LauncherProcess(p.exitValue(), out, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
}
