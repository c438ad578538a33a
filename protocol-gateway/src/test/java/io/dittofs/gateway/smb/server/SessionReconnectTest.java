package io.dittofs.gateway.smb.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.smb.auth.NtIdentity;
import io.dittofs.gateway.smb.auth.StaticNtHashSource;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.Smb2Command;
import io.dittofs.gateway.smb.wire.Smb2Frame;
import io.dittofs.gateway.smb.wire.Smb2Header;
import io.dittofs.gateway.smb.wire.Smb2Packet;
import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireSamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PreviousSessionId (MS-SMB2 3.3.5.5.3) through the server-wide session table: a logon of the same
 * user naming an old session closes it on the connection that holds it — its opens are closed (the
 * file commands hear sessionClosed, which answers pending notifies NOTIFY_CLEANUP) and requests on
 * it then get USER_SESSION_DELETED; another user's old session, or an unknown id, is left alone.
 */
class SessionReconnectTest {

    private final SessionRegistry registry = new SessionRegistry();
    private final List<Runnable> queuedOnA = new ArrayList<>();
    private final List<Long> closedOnA = new ArrayList<>();
    private Dispatcher a;
    private Dispatcher b;

    @BeforeEach
    void twoConnections() throws Exception {
        SmbCommands recording = new SmbCommands() {
            @Override
            public SmbCommandHandler handler(Smb2Command command) {
                return null;
            }

            @Override
            public void sessionClosed(SmbSession session) {
                closedOnA.add(session.id());
            }
        };
        a = dispatcher(recording, queuedOnA::add);
        b = dispatcher(SmbCommands.NONE, Runnable::run);
    }

    private Dispatcher dispatcher(SmbCommands files, java.util.function.Consumer<Runnable> serial) throws Exception {
        var shares = SmbServerTest.shares();
        Dispatcher d = new Dispatcher(SmbServerTest.settings(new byte[16], false), new StaticNtHashSource(), shares,
                SmbServerTest.gate(shares), files, SmbCommands.NONE, req -> SmbResult.fail(NtStatus.NOT_SUPPORTED), null,
                m -> { }, registry, serial);
        d.frame(Smb2Frame.split(WireSamples.negotiateRequest(new io.dittofs.gateway.smb.wire.NegotiateRequest(
                1, 0, new byte[16], List.of(0x0210), List.of())), 4), null);
        return d;
    }

    private static SmbSession logOn(Dispatcher d, String user, int uid) {
        SmbSession s = d.sessions().create(new byte[64]);
        s.established(Optional.of(new NtIdentity(user, new byte[16], uid, uid, List.of())), false, false, null, false);
        return s;
    }

    private static int logoff(Dispatcher d, long session, long messageId) throws Exception {
        SmbWriter w = new SmbWriter(80);
        new Smb2Header(1, 0, Smb2Command.LOGOFF.code(), 1, 0, 0, messageId, 0, 0, 0, session, null).encode(w);
        w.u16(4).u16(0);
        Smb2Packet p = Smb2Frame.split(d.frame(Smb2Frame.split(w.toByteArray(), 4), null), 4).getFirst();
        return p.header().status();
    }

    @Test
    void theSameUsersReconnectClosesTheOldSessionOnItsOwnConnection() throws Exception {
        SmbSession old = logOn(a, "alice", 1000);
        SmbSession now = logOn(b, "ALICE", 1000);

        assertThat(registry.expirePrevious(old.id(), now, now.identity())).isTrue();
        assertThat(closedOnA).as("queued in A's frame order, not run from B's thread").isEmpty();
        queuedOnA.forEach(Runnable::run);

        assertThat(closedOnA).containsExactly(old.id());
        assertThat(logoff(a, old.id(), 1)).isEqualTo(NtStatus.USER_SESSION_DELETED);
        assertThat(logoff(b, now.id(), 1)).isEqualTo(NtStatus.SUCCESS);
        assertThat(registry.expirePrevious(old.id(), now, now.identity())).as("only once").isFalse();
    }

    @Test
    void anotherUsersSessionAndUnknownIdsAreLeftAlone() throws Exception {
        SmbSession old = logOn(a, "alice", 1000);
        SmbSession bob = logOn(b, "bob", 1001);

        assertThat(registry.expirePrevious(old.id(), bob, bob.identity())).isFalse();
        assertThat(registry.expirePrevious(old.id() ^ 1, bob, bob.identity())).isFalse();
        assertThat(registry.expirePrevious(bob.id(), bob, bob.identity())).as("not itself").isFalse();
        assertThat(queuedOnA).isEmpty();
        assertThat(logoff(a, old.id(), 1)).isEqualTo(NtStatus.SUCCESS);
    }

    @Test
    void sessionIdsAreUniqueServerWideAndFreedByLogoffAndConnectionLoss() throws Exception {
        SmbSession s1 = logOn(a, "alice", 1000);
        SmbSession s2 = logOn(b, "alice", 1000);
        assertThat(registry.reserve(s1.id(), new SessionRegistry.Owner(s2, x -> { }))).isFalse();
        assertThat(registry.size()).isEqualTo(2);

        assertThat(logoff(a, s1.id(), 1)).isEqualTo(NtStatus.SUCCESS);
        assertThat(registry.size()).isEqualTo(1);
        b.closed();
        assertThat(registry.size()).isZero();
    }
}
