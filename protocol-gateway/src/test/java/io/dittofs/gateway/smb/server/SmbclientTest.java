package io.dittofs.gateway.smb.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.smb.auth.StaticNtHashSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Samba {@code smbclient} (Debian package smbclient, in .ci/apt-packages) against the
 * server: negotiate, NTLMv2 over SPNEGO with signing required, tree connect. File commands are the
 * next slice; today the proof is that smbclient reaches the share and a wrong password is refused.
 */
class SmbclientTest {

    private ExecutorService executor;
    private SmbServer server;

    @BeforeEach
    void start() {
        assertThat(Files.isExecutable(Path.of("/usr/bin/smbclient")))
                .as("smbclient is installed (apt-get install smbclient; listed in .ci/apt-packages)").isTrue();
        executor = Executors.newVirtualThreadPerTaskExecutor();
        var shares = SmbServerTest.shares();
        server = SmbServer.start("127.0.0.1", 0, SmbServerTest.settings(new byte[16], true),
                new StaticNtHashSource().add("alice", "s3cret-Pw", 1000, 1000), shares, SmbServerTest.gate(shares),
                executor);
    }

    @AfterEach
    void stop() {
        server.close();
        executor.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMB2", "SMB3"})
    void connectsAuthenticatesAndReachesTheShare(String protocol) throws Exception {
        Result r = smbclient("//127.0.0.1/export", "alice%s3cret-Pw", "-m", protocol, "--client-protection=sign");
        assertThat(r.exit).as(r.output).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMB3"})
    void wrongPasswordAndUnknownShareAreRefused(String protocol) throws Exception {
        Result bad = smbclient("//127.0.0.1/export", "alice%nope", "-m", protocol);
        assertThat(bad.exit).isNotZero();
        assertThat(bad.output).contains("NT_STATUS_LOGON_FAILURE");
        Result share = smbclient("//127.0.0.1/nosuch", "alice%s3cret-Pw", "-m", protocol);
        assertThat(share.exit).isNotZero();
        assertThat(share.output).contains("NT_STATUS_BAD_NETWORK_NAME");
    }

    record Result(int exit, String output) {
    }

    private Result smbclient(String service, String user, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("smbclient", service, "-p", String.valueOf(server.port()), "-U", user,
                "-c", "exit"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
