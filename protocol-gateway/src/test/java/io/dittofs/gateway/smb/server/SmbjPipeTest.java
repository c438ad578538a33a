package io.dittofs.gateway.smb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2Dialect;
import com.hierynomus.mssmb2.SMB2ImpersonationLevel;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.NamedPipe;
import com.hierynomus.smbj.share.PipeShare;
import io.dittofs.gateway.smb.auth.StaticNtHashSource;
import io.dittofs.gateway.smb.ipc.rpc.SrvsvcTest;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * smbj on IPC$: the srvsvc pipe over WRITE/READ and FSCTL_PIPE_TRANSCEIVE, signed; a READ on an
 * empty pipe goes async (STATUS_PENDING, then the signed final response when a WRITE brings the
 * answer); network interface info; unknown pipes are not found.
 */
class SmbjPipeTest {

    private ExecutorService executor;
    private SmbServer server;

    @BeforeEach
    void start() {
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

    private static SMBClient client(SMB2Dialect dialect) {
        return new SMBClient(SmbConfig.builder().withDialects(dialect).withSigningRequired(true).withDfsEnabled(false)
                .withMultiProtocolNegotiate(false).withTimeout(20, TimeUnit.SECONDS).build());
    }

    private static NamedPipe open(PipeShare ipc, String name) {
        return ipc.open(name, SMB2ImpersonationLevel.Impersonation, EnumSet.of(AccessMask.MAXIMUM_ALLOWED), null,
                SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN, null);
    }

    @ParameterizedTest
    @EnumSource(value = SMB2Dialect.class, names = {"SMB_2_0_2", "SMB_3_1_1"})
    void transactCarriesBindAndNetShareEnumAll(SMB2Dialect dialect) throws Exception {
        try (SMBClient client = client(dialect); Connection c = client.connect("127.0.0.1", server.port())) {
            Session s = c.authenticate(new AuthenticationContext("alice", "s3cret-Pw".toCharArray(), "WORKGROUP"));
            PipeShare ipc = (PipeShare) s.connectShare("IPC$");
            try (NamedPipe pipe = open(ipc, "srvsvc")) {
                byte[] ack = pipe.transact(SrvsvcTest.bind(1));
                assertThat(ack[2]).as("bind_ack").isEqualTo((byte) 12);
                byte[] resp = pipe.transact(SrvsvcTest.request(2, 15, SrvsvcTest.enumAllStub(1)));
                assertThat(resp[2]).as("response").isEqualTo((byte) 2);
                assertThat(new String(resp, StandardCharsets.UTF_16LE)).contains("export").contains("IPC$");
            }
        }
    }

    @Test
    void aReadOnAnEmptyPipeWaitsForTheAnswer() throws Exception {
        try (SMBClient client = client(SMB2Dialect.SMB_3_1_1); Connection c = client.connect("127.0.0.1", server.port())) {
            Session s = c.authenticate(new AuthenticationContext("alice", "s3cret-Pw".toCharArray(), "WORKGROUP"));
            PipeShare ipc = (PipeShare) s.connectShare("IPC$");
            try (NamedPipe pipe = open(ipc, "srvsvc")) {
                CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
                    byte[] buf = new byte[4280];
                    int n = pipe.read(buf);
                    return java.util.Arrays.copyOf(buf, n);
                }, executor);
                Thread.sleep(300);
                assertThat(read).as("nothing to read yet: the READ is pending").isNotDone();
                pipe.write(SrvsvcTest.bind(7));
                byte[] ack = read.get(20, TimeUnit.SECONDS);
                assertThat(ack[2]).as("bind_ack").isEqualTo((byte) 12);
                assertThat(ack[12]).as("call id").isEqualTo((byte) 7);
            }
        }
    }

    @Test
    void onlySrvsvcExistsAndNetworkInterfacesAreListed() throws Exception {
        try (SMBClient client = client(SMB2Dialect.SMB_3_0_2); Connection c = client.connect("127.0.0.1", server.port())) {
            Session s = c.authenticate(new AuthenticationContext("alice", "s3cret-Pw".toCharArray(), "WORKGROUP"));
            PipeShare ipc = (PipeShare) s.connectShare("IPC$");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> open(ipc, "winreg"))
                    .isInstanceOf(SMBApiException.class).hasMessageContaining("STATUS_OBJECT_NAME_NOT_FOUND");
            byte[] info = ipc.ioctl(0x001401FC, true, new byte[0]);
            assertThat(info).hasSize(152);
            try (NamedPipe pipe = open(ipc, "srvsvc")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> pipe.ioctl(0x001401FC, true, new byte[0], 0, 0))
                        .as("a server-wide FSCTL sent on a file handle").isInstanceOf(SMBApiException.class)
                        .hasMessageContaining("STATUS_INVALID_PARAMETER");
                assertThat(info[24]).as("AF_INET").isEqualTo((byte) 2);
                assertThat(java.util.Arrays.copyOfRange(info, 28, 32)).containsExactly(127, 0, 0, 1);
            }
        }
    }
}
