package io.dittofs.gateway.smb.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Samba {@code smbclient} against the file commands on the real services (signing
 * required): put, get, ls, mkdir, rename, del on SMB2 and SMB3, and encrypted SMB3.
 */
class SmbclientFileTest {

    @TempDir
    Path tmp;
    private SmbFileFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new SmbFileFixture(true);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMB2", "SMB3", "SMB3-encrypt"})
    void putGetLsMkdirRenameDel(String mode) throws Exception {
        Path src = tmp.resolve("src.bin");
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(data);
        Files.write(src, data);
        Path back = tmp.resolve("back.bin");
        Result r = smbclient(mode, "mkdir dir1; put " + src + " dir1\\a.bin; ls dir1\\*; rename dir1\\a.bin dir1\\b.bin; "
                + "get dir1\\b.bin " + back + "; ls dir1\\*");
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).doesNotContain("NT_STATUS_");
        assertThat(r.output).contains("a.bin").contains("b.bin");
        assertThat(Files.readAllBytes(back)).isEqualTo(data);
        Result del = smbclient(mode, "del dir1\\b.bin; rmdir dir1; ls");
        assertThat(del.exit).as(del.output).isZero();
        assertThat(del.output).doesNotContain("NT_STATUS_").doesNotContain("dir1");
        Result gone = smbclient(mode, "get dir1\\b.bin " + tmp.resolve("x"));
        assertThat(gone.output).contains("NT_STATUS_OBJECT_PATH_NOT_FOUND");
    }

    record Result(int exit, String output) {
    }

    private Result smbclient(String mode, String commands) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("smbclient", "//127.0.0.1/export", "-p",
                String.valueOf(fixture.port()), "-U", SmbFileFixture.USER + "%" + SmbFileFixture.PASSWORD,
                "-m", mode.startsWith("SMB3") ? "SMB3" : "SMB2", "-c", commands));
        cmd.add(mode.endsWith("encrypt") ? "--client-protection=encrypt" : "--client-protection=sign");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
