package io.dittofs.gateway.smb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hierynomus.mssmb2.SMB2Dialect;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.PipeShare;
import com.hierynomus.smbj.share.Share;
import io.dittofs.gateway.smb.auth.StaticNtHashSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real SMB client (smbj) against the server: NEGOTIATE each dialect, SESSION_SETUP with
 * SPNEGO/NTLMv2 against the NT hash, signing required (smbj checks every signature it receives),
 * LOGOFF; a wrong password is LOGON_FAILURE.
 */
class SmbjSessionTest {

    private ExecutorService executor;
    private SmbServer server;

    @BeforeEach
    void start() {
        executor = Executors.newVirtualThreadPerTaskExecutor();
        byte[] guid = new byte[16];
        guid[15] = 1;
        var shares = SmbServerTest.shares();
        server = SmbServer.start("127.0.0.1", 0, SmbServerTest.settings(guid, true),
                new StaticNtHashSource().add("alice", "s3cret-Pw", 1000, 1000), shares, SmbServerTest.gate(shares),
                executor);
    }

    @AfterEach
    void stop() {
        server.close();
        executor.close();
    }

    private SMBClient client(SMB2Dialect dialect) {
        return new SMBClient(SmbConfig.builder().withDialects(dialect).withSigningRequired(true)
                .withDfsEnabled(false).withMultiProtocolNegotiate(false).build());
    }

    @ParameterizedTest
    @EnumSource(value = SMB2Dialect.class, names = {"SMB_2_0_2", "SMB_2_1", "SMB_3_0", "SMB_3_0_2", "SMB_3_1_1"})
    void authenticatesWithNtlmV2AndSignsEveryDialect(SMB2Dialect dialect) throws Exception {
        try (SMBClient client = client(dialect); Connection c = client.connect("127.0.0.1", server.port())) {
            assertThat(c.getConnectionContext().getNegotiatedProtocol().getDialect()).isEqualTo(dialect);
            Session s = c.authenticate(new AuthenticationContext("alice", "s3cret-Pw".toCharArray(), "WORKGROUP"));
            assertThat(s.getSessionId()).isNotZero();
            assertThat(s.isGuest()).isFalse();
            s.logoff();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SMB2Dialect.class, names = {"SMB_2_1", "SMB_3_1_1"})
    void treeConnectsToKnownSharesOnly(SMB2Dialect dialect) throws Exception {
        try (SMBClient client = client(dialect); Connection c = client.connect("127.0.0.1", server.port())) {
            Session s = c.authenticate(new AuthenticationContext("alice", "s3cret-Pw".toCharArray(), "WORKGROUP"));
            Share export = s.connectShare("export");
            assertThat(export).isInstanceOf(DiskShare.class);
            assertThat(export.getTreeConnect().getMaximalAccess()).contains(AccessMask.FILE_WRITE_DATA);
            Share ro = s.connectShare("RO");
            assertThat(ro.getTreeConnect().getMaximalAccess()).doesNotContain(AccessMask.FILE_WRITE_DATA)
                    .contains(AccessMask.FILE_READ_DATA);
            assertThat(s.connectShare("IPC$")).isInstanceOf(PipeShare.class);
            assertThatThrownBy(() -> s.connectShare("nosuch")).isInstanceOf(SMBApiException.class)
                    .hasMessageContaining("BAD_NETWORK_NAME");
            export.close();
            ro.close();
            s.logoff();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SMB2Dialect.class, names = {"SMB_2_1", "SMB_3_1_1"})
    void wrongPasswordIsLogonFailure(SMB2Dialect dialect) throws Exception {
        try (SMBClient client = client(dialect); Connection c = client.connect("127.0.0.1", server.port())) {
            assertThatThrownBy(() -> c.authenticate(new AuthenticationContext("alice", "wrong".toCharArray(), "WORKGROUP")))
                    .isInstanceOf(SMBApiException.class).hasMessageContaining("LOGON_FAILURE");
            assertThatThrownBy(() -> c.authenticate(new AuthenticationContext("mallory", "x".toCharArray(), "")))
                    .isInstanceOf(SMBApiException.class).hasMessageContaining("LOGON_FAILURE");
        }
    }
}
