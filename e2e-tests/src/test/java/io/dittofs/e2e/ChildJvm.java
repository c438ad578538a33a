package io.dittofs.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A DittoFS process started from the launcher's jar: the whole suite, or one service via
 * {@code -Dloader.main}. Output goes to a log file that failures print.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String name;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static Path launcherJar() {
        String jar = System.getProperty("launcher.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("launcher jar not found at " + jar + " (run ./mvnw -B verify from the root)");
        }
        return Path.of(jar);
    }

    /** @param mainClass null for the launcher (the whole suite), else a service's *Application */
    public static ChildJvm start(String name, String mainClass, Path logDir, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        if (mainClass != null) {
            cmd.add("-Dloader.main=" + mainClass);
        }
        cmd.add("-jar");
        cmd.add(launcherJar().toString());
        cmd.addAll(args);
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ChildJvm(name, p, log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits until the process accepts TCP connections on {@code port}; fails with its log if it dies. */
    public ChildJvm awaitPort(int port) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(360);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logText());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return this;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException(name + " did not listen on " + port + " in time:\n" + logText());
    }

    /** Waits until the process accepts connections on the Unix-domain socket {@code path}; fails with its log if it dies. */
    public ChildJvm awaitSocket(Path path) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(360);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logText());
            }
            try (java.nio.channels.SocketChannel s = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(path))) {
                return this;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException(name + " did not listen on " + path + " in time:\n" + logText());
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** A test body whose failure should come with the children's logs. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /**
     * Runs {@code body}; if it fails, prints the last lines of every log in {@code logDir} first.
     * The logs live in the test's temporary directory, deleted after the test, so a failure seen
     * only in CI could not be diagnosed from its output otherwise.
     */
    public static void printLogsOnFailure(Path logDir, Body body) throws Exception {
        try {
            body.run();
        } catch (Exception | AssertionError e) {
            dumpLogs(logDir);
            throw e;
        }
    }

    private static void dumpLogs(Path logs) throws IOException {
        if (!Files.isDirectory(logs)) {
            return;
        }
        try (var files = Files.list(logs)) {
            for (Path f : files.sorted().toList()) {
                // bytes, not readAllLines: a malformed byte must not hide the test's own failure
                List<String> lines = List.of(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8).split("\n"));
                System.out.println("----- last lines of " + f.getFileName() + " -----");
                lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(System.out::println);
            }
        }
    }

    /** SIGKILL: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM and wait: the clean shutdown path. Returns the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            terminate();
        }
    }
}
