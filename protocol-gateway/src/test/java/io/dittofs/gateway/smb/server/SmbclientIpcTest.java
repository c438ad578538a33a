package io.dittofs.gateway.smb.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.smb.auth.StaticNtHashSource;
import io.dittofs.gateway.transport.TransportSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Samba's {@code smbclient} against IPC$ and encryption: {@code -L} opens the srvsvc pipe, binds
 * DCE/RPC and calls NetShareEnumAll, and must print the registry's shares; with
 * {@code --client-protection=encrypt} all of it travels in TRANSFORM_HEADER frames, with each
 * cipher and signing algorithm forced from the client side in turn.
 */
class SmbclientIpcTest {

    private ExecutorService executor;
    private SmbServer server;

    private void start(boolean encryptionRequired, Set<String> encryptedShares) {
        assertThat(Files.isExecutable(Path.of("/usr/bin/smbclient")))
                .as("smbclient is installed (apt-get install smbclient; listed in .ci/apt-packages)").isTrue();
        executor = Executors.newVirtualThreadPerTaskExecutor();
        var shares = SmbServerTest.shares();
        var settings = new SmbServerSettings(1 << 20, 16, 1 << 20, 512, new byte[16], true, "DITTOFS", "WORKGROUP",
                false, true, 16, TransportSettings.defaults(16, 16, Duration.ofSeconds(30)), encryptionRequired,
                encryptedShares);
        server = SmbServer.start("127.0.0.1", 0, settings,
                new StaticNtHashSource().add("alice", "s3cret-Pw", 1000, 1000), shares, SmbServerTest.gate(shares),
                executor);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            executor.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMB2_02", "SMB2_10", "SMB3_00", "SMB3_02", "SMB3_11"})
    void listsTheSharesOfTheRegistry(String protocol) throws Exception {
        start(false, Set.of());
        Result r = smbclient(List.of("-L", "//127.0.0.1", "-m", protocol, "--client-protection=sign"));
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).containsPattern("(?m)^\\s+export\\s+Disk")
                .containsPattern("(?m)^\\s+ro\\s+Disk")
                .containsPattern("(?m)^\\s+IPC\\$\\s+IPC\\s+IPC Service");
    }

    @ParameterizedTest
    @CsvSource({"SMB3_00,AES-128-CCM,AES-128-CMAC", "SMB3_11,AES-128-GCM,AES-128-GMAC",
            "SMB3_11,AES-128-CCM,AES-128-CMAC", "SMB3_11,AES-256-GCM,HMAC-SHA256", "SMB3_11,AES-256-CCM,AES-128-GMAC"})
    void listsSharesEncryptedWithEveryCipher(String protocol, String cipher, String signing) throws Exception {
        start(false, Set.of());
        Result r = smbclient(List.of("-L", "//127.0.0.1", "-m", protocol, "--client-protection=encrypt",
                "--option=client smb3 encryption algorithms=" + cipher,
                "--option=client smb3 signing algorithms=" + signing, "-d", "3"));
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).containsPattern("(?m)^\\s+export\\s+Disk");
    }

    @Test
    void serverRequiredEncryptionIsFollowedByTheClient() throws Exception {
        start(true, Set.of());
        Result enc = smbclient(List.of("//127.0.0.1/export", "-m", "SMB3", "-c", "exit"));
        assertThat(enc.exit).as(enc.output).isZero();
        Result list = smbclient(List.of("-L", "//127.0.0.1", "-m", "SMB3"));
        assertThat(list.exit).as(list.output).isZero();
        assertThat(list.output).containsPattern("(?m)^\\s+export\\s+Disk");
        // SMB 2.x cannot encrypt: the logon is refused
        Result old = smbclient(List.of("//127.0.0.1/export", "-m", "SMB2", "-c", "exit"));
        assertThat(old.exit).as(old.output).isNotZero();
        assertThat(old.output).contains("NT_STATUS_ACCESS_DENIED");
    }

    @Test
    void aShareThatRequiresEncryptionIsReachedEncrypted() throws Exception {
        start(false, Set.of("export"));
        Result r = smbclient(List.of("//127.0.0.1/export", "-m", "SMB3", "-c", "exit", "-d", "10"));
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).as("the client saw SHAREFLAG_ENCRYPT_DATA and encrypted").contains("encrypt");
        Result old = smbclient(List.of("//127.0.0.1/export", "-m", "SMB2", "-c", "exit"));
        assertThat(old.exit).as(old.output).isNotZero();
        assertThat(old.output).contains("NT_STATUS_ACCESS_DENIED");
    }

    record Result(int exit, String output) {
    }

    private Result smbclient(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("smbclient", "-p", String.valueOf(server.port()), "-U",
                "alice%s3cret-Pw"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
