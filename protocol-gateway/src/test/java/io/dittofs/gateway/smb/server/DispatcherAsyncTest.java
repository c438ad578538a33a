package io.dittofs.gateway.smb.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.smb.auth.StaticNtHashSource;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.Smb2Command;
import io.dittofs.gateway.smb.wire.Smb2Frame;
import io.dittofs.gateway.smb.wire.Smb2Header;
import io.dittofs.gateway.smb.wire.Smb2Packet;
import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireSamples;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The async machinery with a command that blocks until told (as a blocking LOCK or CHANGE_NOTIFY
 * does): STATUS_PENDING with an async id and the credits at once, the final response later with
 * the same ids and no credits; CANCEL by async id or by message id ends the wait with CANCELLED.
 */
class DispatcherAsyncTest {

    private final LinkedBlockingQueue<byte[]> later = new LinkedBlockingQueue<>();
    private final List<CompletableFuture<SmbResult>> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Dispatcher dispatcher;
    private long sessionId;

    /** CHANGE_NOTIFY waits until the test completes it; CANCEL completes it with CANCELLED. */
    private final SmbCommands blocking = command -> command != Smb2Command.CHANGE_NOTIFY ? null : req -> {
        CompletableFuture<SmbResult> f = new CompletableFuture<>();
        waits.add(f);
        return new SmbResult.Pending(f, () -> f.complete(SmbResult.fail(NtStatus.CANCELLED)));
    };

    @BeforeEach
    void logOn() throws Exception {
        var shares = SmbServerTest.shares();
        dispatcher = new Dispatcher(SmbServerTest.settings(new byte[16], false), new StaticNtHashSource(), shares,
                SmbServerTest.gate(shares), blocking, SmbCommands.NONE, req -> SmbResult.fail(NtStatus.NOT_SUPPORTED),
                null, later::add);
        dispatcher.frame(Smb2Frame.split(WireSamples.negotiateRequest(new io.dittofs.gateway.smb.wire.NegotiateRequest(
                1, 0, new byte[16], List.of(0x0210), List.of())), 4), null);
        SmbSession s = dispatcher.sessions().create(new byte[64]);
        s.established(Optional.empty(), false, true, null, false);
        s.addTree("export", null, false, false);
        sessionId = s.id();
    }

    private byte[] notify(long messageId) {
        SmbWriter w = new SmbWriter(100);
        new Smb2Header(1, 0, Smb2Command.CHANGE_NOTIFY.code(), 5, 0, 0, messageId, 0, 1, 0, sessionId, null).encode(w);
        w.u16(32).u16(0).i32(4096).i64(0).i64(0).i32(0x17).i32(0);
        return w.toByteArray();
    }

    private byte[] cancel(long messageId, long asyncId) {
        SmbWriter w = new SmbWriter(80);
        Smb2Header h = new Smb2Header(0, 0, Smb2Command.CANCEL.code(), 0, asyncId != 0 ? Smb2Header.FLAGS_ASYNC_COMMAND : 0,
                0, messageId, 0, 1, asyncId, sessionId, null);
        h.encode(w);
        w.u16(4).u16(0);
        return w.toByteArray();
    }

    private Smb2Packet one(byte[] frame) throws Exception {
        List<Smb2Packet> p = Smb2Frame.split(frame, 4);
        assertThat(p).hasSize(1);
        return p.getFirst();
    }

    @Test
    void pendingThenFinalResponse() throws Exception {
        Smb2Packet interim = one(dispatcher.frame(Smb2Frame.split(notify(1), 4), null));
        assertThat(interim.header().status()).isEqualTo(NtStatus.PENDING);
        assertThat(interim.header().async()).isTrue();
        assertThat(interim.header().asyncId()).isNotZero();
        assertThat(interim.header().credits()).as("credits come with the interim response").isEqualTo(5);
        assertThat(later).isEmpty();

        waits.getFirst().complete(SmbResult.ok(w -> w.u16(9).u16(0).i32(0).u8(0)));
        Smb2Packet fin = one(later.poll(5, TimeUnit.SECONDS));
        assertThat(fin.header().status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(fin.header().async()).isTrue();
        assertThat(fin.header().asyncId()).isEqualTo(interim.header().asyncId());
        assertThat(fin.header().messageId()).isEqualTo(1);
        assertThat(fin.header().credits()).isZero();
    }

    @Test
    void cancelByAsyncIdOrByMessageId() throws Exception {
        Smb2Packet first = one(dispatcher.frame(Smb2Frame.split(notify(1), 4), null));
        assertThat(dispatcher.frame(Smb2Frame.split(cancel(1, first.header().asyncId()), 4), null))
                .as("CANCEL has no response of its own").isNull();
        Smb2Packet cancelled = one(later.poll(5, TimeUnit.SECONDS));
        assertThat(cancelled.header().status()).isEqualTo(NtStatus.CANCELLED);
        assertThat(cancelled.header().asyncId()).isEqualTo(first.header().asyncId());

        Smb2Packet second = one(dispatcher.frame(Smb2Frame.split(notify(2), 4), null));
        dispatcher.frame(Smb2Frame.split(cancel(2, 0), 4), null);
        Smb2Packet byMid = one(later.poll(5, TimeUnit.SECONDS));
        assertThat(byMid.header().status()).isEqualTo(NtStatus.CANCELLED);
        assertThat(byMid.header().asyncId()).isEqualTo(second.header().asyncId());

        // a CANCEL for nothing, or for another session's wait, changes nothing
        one(dispatcher.frame(Smb2Frame.split(notify(3), 4), null));
        dispatcher.frame(Smb2Frame.split(cancel(99, 0), 4), null);
        assertThat(later.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(waits.get(2)).isNotDone();
    }

    @Test
    void closingTheConnectionEndsEveryWait() throws Exception {
        one(dispatcher.frame(Smb2Frame.split(notify(1), 4), null));
        one(dispatcher.frame(Smb2Frame.split(notify(2), 4), null));
        dispatcher.closed();
        assertThat(waits).allSatisfy(f -> assertThat(f.getNow(null)).isEqualTo(SmbResult.fail(NtStatus.CANCELLED)));
    }
}
