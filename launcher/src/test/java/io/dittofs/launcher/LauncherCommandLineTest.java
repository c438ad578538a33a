package io.dittofs.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a user runs it (main() in a child JVM): --version/--help print and exit without
 * creating anything, and start-up errors are one line naming the value, the setting and the fix,
 * followed by a prompt non-zero exit instead of a stack trace or a JVM that never ends.
 */
class LauncherCommandLineTest {

    @TempDir
    Path tmp;

    @Test
    void versionAndHelpPrintAndExitWithoutADataDir() throws Exception {
        LauncherProcess version = LauncherProcess.run(tmp, "--version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("DittoFS ").doesNotContain("unknown").doesNotContain("INFO");
        LauncherProcess help = LauncherProcess.run(tmp, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("Usage: ./dittofs", "--reset-admin-password", "DITTOFS_NFS_PORT",
                "DITTOFS_DATA_DIR", "DITTOFS_API_PORT");
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void theJarsJava17EntryPointHandsOverOnThisJdk() throws Exception {
        LauncherProcess version = LauncherProcess.runMain(tmp, "io.dittofs.launcher.Main", "--version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("DittoFS ");
        LauncherProcess bad = LauncherProcess.runMain(tmp, "io.dittofs.launcher.Main", "nonsense");
        assertThat(bad.exitCode()).as("DittoFsLauncher's own exit codes come through").isEqualTo(2);
    }

    @Test
    void unknownArgumentIsAUsageError() throws Exception {
        LauncherProcess p = LauncherProcess.run(tmp, "start");
        assertThat(p.exitCode()).isEqualTo(2);
        assertThat(p.output()).contains("unknown argument 'start'", "--help");
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void nfsPortInUseNamesThePortAndTheVariableAndExits() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            LauncherProcess p = run("--dittofs.nfs.port=" + port, "--dittofs.nfs.udp=false");
            assertThat(p.exitCode()).as(p.output()).isEqualTo(1);
            assertThat(p.output()).contains("dittofs: cannot start: NFS port " + port + " on 127.0.0.1 is already in use",
                    "DITTOFS_NFS_PORT (property dittofs.nfs.port)");
            assertNoStackTrace(p);
        }
    }

    @Test
    void nfsUdpPortInUseIsFoundToo() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int port = taken.getLocalPort();
            LauncherProcess p = run("--dittofs.nfs.port=" + port);
            assertThat(p.exitCode()).as(p.output()).isEqualTo(1);
            assertThat(p.output()).contains("NFS port " + port, "already in use", "DITTOFS_NFS_PORT", "(udp)");
        }
    }

    @Test
    void apiPortInUseNamesDittofsApiPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            LauncherProcess p = LauncherProcess.run(tmp, "--dittofs.data-dir=" + tmp.resolve("data"),
                    "--dittofs.nfs.port=0", "--dittofs.control.http-port=" + port);
            assertThat(p.exitCode()).as(p.output()).isEqualTo(1);
            assertThat(p.output()).contains("admin API port " + port + " on 127.0.0.1 is already in use",
                    "DITTOFS_API_PORT (property dittofs.control.http-port)");
            assertNoStackTrace(p);
        }
    }

    @Test
    void dataDirThatIsAFileNamesDittofsDataDir() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        LauncherProcess p = LauncherProcess.run(tmp, "--dittofs.data-dir=" + file, "--dittofs.nfs.port=0",
                "--dittofs.control.enabled=false");
        assertThat(p.exitCode()).as(p.output()).isEqualTo(1);
        assertThat(p.output()).contains("data dir " + file + " is a file, not a directory",
                "DITTOFS_DATA_DIR (property dittofs.data-dir)");
        assertNoStackTrace(p);
    }

    @Test
    void dataDirThatCannotBeCreatedNamesDittofsDataDir() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        Path below = file.resolve("data");
        LauncherProcess p = LauncherProcess.run(tmp, "--dittofs.data-dir=" + below, "--dittofs.nfs.port=0",
                "--dittofs.control.enabled=false");
        assertThat(p.exitCode()).as(p.output()).isEqualTo(1);
        assertThat(p.output()).contains("data dir " + below + " cannot be created: " + file + " is a file", "DITTOFS_DATA_DIR");
        assertNoStackTrace(p);
    }

    @Test
    void anInvalidPropertyIsOneLineNamingItAndTheRule() throws Exception {
        LauncherProcess p = run("--dittofs.nfs.port=0", "--dittofs.nfs.max-in-flight-per-connection=0");
        assertThat(p.exitCode()).as(p.output()).isEqualTo(1);
        assertThat(p.output()).contains("dittofs: cannot start: dittofs.nfs.max-in-flight-per-connection=0: must be 1..4096");
        assertNoStackTrace(p);
    }

    private LauncherProcess run(String... extra) throws IOException, InterruptedException {
        String[] args = new String[extra.length + 2];
        args[0] = "--dittofs.data-dir=" + tmp.resolve("data");
        args[1] = "--dittofs.control.enabled=false";
        System.arraycopy(extra, 0, args, 2, extra.length);
        return LauncherProcess.run(tmp, args);
    }

    private static void assertNoStackTrace(LauncherProcess p) {
        assertThat(p.output()).as("one line, no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
    }
}
