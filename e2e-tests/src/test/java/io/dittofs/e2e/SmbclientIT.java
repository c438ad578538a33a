package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher's suite over SMB with the real Samba {@code smbclient} (signing required, the
 * default): the everyday commands on SMB2, SMB3 and encrypted SMB3, a byte-identical round trip
 * of a file larger than 64 MiB, and the same files over NFS (libnfs {@code nfs-cp}) and SMB.
 */
class SmbclientIT {

    private static final String USER = "alice%alice-pw-1";
    private static final String ROOT = "root%root-pw-1";

    @TempDir
    static Path tmp;
    static Suite suite;
    static int smbPort;

    @BeforeAll
    static void start() throws Exception {
        smbPort = ChildJvm.freePort();
        suite = Suite.start(tmp.resolve("data"), "--dittofs.smb.port=" + smbPort,
                "--dittofs.smb.static-users=alice:alice-pw-1:1000:1000,root:root-pw-1:0:0");
        suite.jvm.awaitPort(smbPort);
    }

    @AfterAll
    static void stop() throws Exception {
        if (suite != null) {
            assertThat(suite.jvm.terminate()).as("clean exit on SIGTERM").isIn(0, 143);
        }
    }

    static Tools.Result smbclient(String mode, String commands) throws Exception {
        return smbclient(USER, mode, commands);
    }

    static Tools.Result smbclient(String user, String mode, String commands) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("smbclient", "//127.0.0.1/export", "-p", String.valueOf(smbPort),
                "-U", user, "-m", mode.startsWith("SMB3") ? "SMB3" : "SMB2",
                mode.endsWith("encrypt") ? "--client-protection=encrypt" : "--client-protection=sign", "-c", commands));
        return Tools.run(cmd);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMB2", "SMB3", "SMB3-encrypt"})
    void everydayCommands(String mode) throws Exception {
        String dir = "d-" + mode.toLowerCase();
        Path src = tmp.resolve(dir + ".txt");
        Files.writeString(src, "hello over " + mode + "\n");
        Path back = tmp.resolve(dir + ".back");
        Tools.Result r = smbclient(mode, "mkdir " + dir + "; put " + src + " " + dir + "\\one.txt; "
                + "rename " + dir + "\\one.txt " + dir + "\\two.txt; ls " + dir + "\\*; get " + dir + "\\two.txt " + back
                + "; del " + dir + "\\two.txt; rmdir " + dir + "; ls");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).doesNotContain("NT_STATUS_").contains("two.txt");
        assertThat(Files.readString(back)).isEqualTo("hello over " + mode + "\n");
        Tools.Result after = smbclient(mode, "ls");
        assertThat(after.output()).doesNotContain(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMB3", "SMB3-encrypt"})
    void aFileLargerThan64MiBRoundTripsByteIdentically(String mode) throws Exception {
        Path src = tmp.resolve("big-" + mode + ".bin");
        Random rnd = new Random(mode.hashCode());
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(src)) {
            for (int i = 0; i < 66; i++) {
                rnd.nextBytes(chunk);
                out.write(chunk);
            }
            out.write(chunk, 0, 4321);
        }
        Path back = tmp.resolve("big-" + mode + ".back");
        Tools.Result r = smbclient(mode, "put " + src + " big-" + mode + ".bin; get big-" + mode + ".bin " + back);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(Files.size(back)).isEqualTo(Files.size(src));
        assertThat(Tools.sha256(back)).isEqualTo(Tools.sha256(src));
    }

    /**
     * nfs-cp runs as root (AUTH_SYS uid 0, squashed as the share says); the SMB side logs on as a
     * user with the same uid, so both protocols see the same owner and the same permission checks.
     */
    @Test
    void whatNfsWritesSmbReadsAndBack() throws Exception {
        Path fromNfs = tmp.resolve("from-nfs.txt");
        Files.writeString(fromNfs, "written over NFS\n".repeat(1000));
        Tools.ok("nfs-cp", fromNfs.toString(), suite.url("from-nfs.txt"));
        Path viaSmb = tmp.resolve("via-smb.txt");
        Tools.Result get = smbclient(ROOT, "SMB3", "get from-nfs.txt " + viaSmb);
        assertThat(get.exit()).as(get.output()).isZero();
        assertThat(Files.readString(viaSmb)).isEqualTo(Files.readString(fromNfs));

        Path fromSmb = tmp.resolve("from-smb.txt");
        Files.writeString(fromSmb, "written over SMB\n".repeat(1000));
        Tools.Result put = smbclient(ROOT, "SMB3", "put " + fromSmb + " from-smb.txt");
        assertThat(put.exit()).as(put.output()).isZero();
        Path viaNfs = tmp.resolve("via-nfs.txt");
        Tools.ok("nfs-cp", suite.url("from-smb.txt"), viaNfs.toString());
        assertThat(Files.readString(viaNfs)).isEqualTo(Files.readString(fromSmb));
    }
}
