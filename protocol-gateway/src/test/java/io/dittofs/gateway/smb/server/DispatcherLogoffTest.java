package io.dittofs.gateway.smb.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.smb.auth.StaticNtHashSource;
import io.dittofs.gateway.smb.crypto.Smb2Signing;
import io.dittofs.gateway.smb.wire.Dialect;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.Smb2Command;
import io.dittofs.gateway.smb.wire.Smb2Frame;
import io.dittofs.gateway.smb.wire.Smb2Header;
import io.dittofs.gateway.smb.wire.Smb2Packet;
import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireSamples;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Errors found before the command runs, on a signing session. A request on a session after its
 * LOGOFF (MS-SMB2 3.3.5.2.9) answers USER_SESSION_DELETED; when
 * the request is signed with the logged-off session's key (a client that requires signing keeps
 * signing), the answer carries the SIGNED flag and a valid signature, as Samba's client demands
 * before it even reads the status (smbtorture smb2.connect with signing required). An invalid
 * compound start is INVALID_PARAMETER, signed likewise (smbtorture smb2.compound invalid1).
 */
class DispatcherLogoffTest {

    private static final byte[] KEY = new byte[16];
    private Dispatcher dispatcher;
    private Smb2Signing signing;
    private long sessionId;
    private long nextMessageId = 1;

    @BeforeEach
    void logOn() throws Exception {
        var shares = SmbServerTest.shares();
        dispatcher = new Dispatcher(SmbServerTest.settings(new byte[16], true), new StaticNtHashSource(), shares,
                SmbServerTest.gate(shares), SmbCommands.NONE, SmbCommands.NONE,
                req -> SmbResult.fail(NtStatus.NOT_SUPPORTED), null, m -> { });
        dispatcher.frame(Smb2Frame.split(WireSamples.negotiateRequest(new io.dittofs.gateway.smb.wire.NegotiateRequest(
                1, 0, new byte[16], List.of(0x0210), List.of())), 4), null);
        java.util.Arrays.fill(KEY, (byte) 7);
        signing = Smb2Signing.forSession(Dialect.SMB_2_1, KEY, null);
        SmbSession s = dispatcher.sessions().create(new byte[64]);
        s.established(Optional.empty(), false, false, signing, true);
        sessionId = s.id();
    }

    private byte[] logoff(long session, Smb2Signing signer) {
        SmbWriter w = new SmbWriter(80);
        new Smb2Header(1, 0, Smb2Command.LOGOFF.code(), 1, 0, 0, nextMessageId++, 0, 0, 0, session, null).encode(w);
        w.u16(4).u16(0);
        byte[] m = w.toByteArray();
        if (signer != null) {
            signer.sign(m);
        }
        return m;
    }

    private Smb2Packet send(byte[] message) throws Exception {
        List<Smb2Packet> p = Smb2Frame.split(dispatcher.frame(Smb2Frame.split(message, 4), null), 4);
        assertThat(p).hasSize(1);
        return p.getFirst();
    }

    @Test
    void aSignedRequestAfterLogoffGetsASignedUserSessionDeleted() throws Exception {
        Smb2Packet first = send(logoff(sessionId, signing));
        assertThat(first.header().status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(first.header().signed()).isTrue();
        assertThat(signing.verify(first.raw())).isTrue();

        Smb2Packet again = send(logoff(sessionId, signing));
        assertThat(again.header().status()).isEqualTo(NtStatus.USER_SESSION_DELETED);
        assertThat(again.header().signed()).as("signed: the client requires it").isTrue();
        assertThat(signing.verify(again.raw())).isTrue();
    }

    @Test
    void unsignedOrForgedRequestsAndUnknownSessionsGetItUnsigned() throws Exception {
        send(logoff(sessionId, signing));
        Smb2Packet unsigned = send(logoff(sessionId, null));
        assertThat(unsigned.header().status()).isEqualTo(NtStatus.USER_SESSION_DELETED);
        assertThat(unsigned.header().signed()).isFalse();

        Smb2Signing other = Smb2Signing.forSession(Dialect.SMB_2_1, new byte[16], null);
        Smb2Packet forged = send(logoff(sessionId, other));
        assertThat(forged.header().status()).isEqualTo(NtStatus.USER_SESSION_DELETED);
        assertThat(forged.header().signed()).as("a wrong signature earns no signature").isFalse();

        Smb2Packet unknown = send(logoff(sessionId ^ 1, signing));
        assertThat(unknown.header().status()).isEqualTo(NtStatus.USER_SESSION_DELETED);
        assertThat(unknown.header().signed()).isFalse();
    }

    @Test
    void anInvalidChainStartIsAnsweredSignedOnASigningSession() throws Exception {
        SmbWriter w = new SmbWriter(80);
        new Smb2Header(1, 0, Smb2Command.LOGOFF.code(), 1, Smb2Header.FLAGS_RELATED_OPERATIONS, 0, nextMessageId++, 0, 0, 0,
                sessionId, null).encode(w);
        w.u16(4).u16(0);
        byte[] m = w.toByteArray();
        signing.sign(m);
        Smb2Packet r = send(m);
        assertThat(r.header().status()).isEqualTo(NtStatus.INVALID_PARAMETER);
        assertThat(r.header().signed()).isTrue();
        assertThat(signing.verify(r.raw())).isTrue();
    }
}
