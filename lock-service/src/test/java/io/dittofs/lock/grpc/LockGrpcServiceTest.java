package io.dittofs.lock.grpc;

import static io.dittofs.contracts.lock.v1.Protocol.NLM;
import static io.dittofs.contracts.lock.v1.Protocol.SMB;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.contracts.lock.v1.LockEvent;
import io.dittofs.contracts.lock.v1.LockResponse;
import io.dittofs.contracts.lock.v1.OpenResponse;
import io.dittofs.lock.core.Fx;
import io.dittofs.lock.core.LockCore;
import io.dittofs.lock.core.LockSettings;
import io.dittofs.lock.store.memory.MemoryLockStore;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service over real gRPC, in-process and over TCP on 127.0.0.1, with real event streams. */
class LockGrpcServiceTest {

    private MemoryLockStore store;
    private LockCore core;
    private GrpcServerHost server;
    private ManagedChannel channel;
    private ManagedChannel channel2;

    private String start(String transport) {
        store = new MemoryLockStore();
        core = LockCore.system(store, new LockSettings(Duration.ZERO, Duration.ofSeconds(30)));
        String listen = transport.equals("tcp") ? "127.0.0.1:0" : "in-process:lock-" + UUID.randomUUID();
        server = GrpcServerHost.start(listen, List.of(new LockGrpcService(core)));
        String target = transport.equals("tcp") ? "127.0.0.1:" + server.port() : listen;
        channel = ServiceChannels.open(target);
        channel2 = ServiceChannels.open(target);
        return target;
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (ManagedChannel c : new ManagedChannel[] {channel, channel2}) {
            if (c != null) {
                c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
        if (server != null) {
            server.close();
        }
        core.close();
        store.close();
    }

    /**
     * Two gateways (two channels, two gateway ids) on one service: a lock taken through one blocks
     * through the other, and the waiter's GrantedEvent goes only to its own gateway's stream.
     */
    @ParameterizedTest
    @ValueSource(strings = {"in-process", "tcp"})
    void twoGatewaysSeeEachOthersLocksAndGrantsGoToTheWaitersGateway(String transport) throws Exception {
        start(transport);
        Fx gw1 = new Fx(new GrpcApi(channel));
        Fx gw2 = new Fx(new GrpcApi(channel2));
        try (EventStream s1 = new EventStream(channel, "gw-1"); EventStream s2 = new EventStream(channel2, "gw-2")) {
            ByteString a = gw1.client(NLM, "gw-1");
            ByteString b = gw2.client(SMB, "gw-2");
            assertThat(gw1.lock(a, "pid-1", "file", 0, 100, true).getStatus()).isEqualTo(Status.OK);
            LockResponse denied = gw2.lock(b, "open-9", "file", 50, 10, false);
            assertThat(denied.getStatus()).isEqualTo(Status.DENIED);
            assertThat(denied.getConflict().getProtocol()).isEqualTo(NLM);
            assertThat(gw2.checkIo(b, "open-9", "file", 0, 1, false)).isEqualTo(Status.LOCKED);
            LockResponse queued = gw2.lockBlocking(b, "open-9", "file", 50, 10, false);
            assertThat(queued.getQueued()).isTrue();
            assertThat(gw1.unlock(a, "pid-1", "file", 0, 100)).isEqualTo(Status.OK);
            LockEvent e = s2.next();
            assertThat(e.getGranted().getLockId()).isEqualTo(queued.getLockId());
            assertThat(e.getGranted().getClientId()).isEqualTo(b);
            assertThat(e.getGranted().getRange().getOffset()).isEqualTo(50);
            assertThat(s1.events.poll(300, TimeUnit.MILLISECONDS)).as("nothing for gateway 1").isNull();
            assertThat(gw1.lock(a, "pid-1", "file", 55, 1, true).getStatus()).isEqualTo(Status.DENIED);
        }
    }

    /** Events raised while a gateway is down are delivered when it subscribes again. */
    @ParameterizedTest
    @ValueSource(strings = {"in-process", "tcp"})
    void aRestartedGatewayGetsThePendingEvents(String transport) throws Exception {
        start(transport);
        Fx fx = new Fx(new GrpcApi(channel));
        ByteString holder = fx.client(SMB, "gw-1");
        ByteString waiter = fx.client(NLM, "gw-1");
        ByteString other = fx.client(SMB, "gw-2");
        OpenResponse lease = fx.openWithGrant(holder, "h", "f", 1, 0, 7, "key", true);
        assertThat(lease.getGrantedGrantBits()).isEqualTo(7);
        fx.lock(other, "o", "g", 0, 1, true);
        EventStream first = new EventStream(channel, "gw-1");
        assertThat(fx.lockBlocking(waiter, "p", "g", 0, 1, true).getQueued()).isTrue();
        first.close(); // the gateway dies
        assertThat(first.ended.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 500 && core.table().hub().connected("gw-1"); i++) {
            Thread.sleep(10); // the server learns of the cancellation a moment after the client
        }
        assertThat(core.table().hub().connected("gw-1")).isFalse();
        assertThat(fx.openWithGrant(other, "o2", "f", 3, 0, 0, "", true).getStatus()).isEqualTo(Status.BREAK_PENDING);
        assertThat(fx.unlock(other, "o", "g", 0, 1)).isEqualTo(Status.OK);
        try (EventStream again = new EventStream(channel2, "gw-1")) {
            LockEvent a = again.next();
            LockEvent b = again.next();
            LockEvent brk = a.hasBreak() ? a : b;
            LockEvent granted = a.hasGranted() ? a : b;
            assertThat(brk.getBreak().getGrantId()).isEqualTo(lease.getGrantId());
            assertThat(brk.getBreak().getCurrentBits()).isEqualTo(7);
            assertThat(brk.getBreak().getNewBits()).isZero();
            assertThat(brk.getBreak().getLeaseKey().toStringUtf8()).isEqualTo("key");
            assertThat(granted.getGranted().getClientId()).isEqualTo(waiter);
            assertThat(fx.ack(lease.getGrantId(), 0)).isEqualTo(Status.OK);
            assertThat(fx.openWithGrant(other, "o2", "f", 3, 0, 0, "", true).getStatus()).isEqualTo(Status.OK);
            // a second stream under the same id replaces this one
            try (EventStream replacement = new EventStream(channel, "gw-1")) {
                assertThat(again.ended.await(5, TimeUnit.SECONDS)).isTrue();
                assertThat(replacement.events).isEmpty();
            }
        }
    }

    /**
     * An in-process gateway whose event callback calls the service again (here: unlocks the lock
     * it was just granted). Delivery happens outside the table mutex, so this cannot deadlock.
     */
    @org.junit.jupiter.api.Test
    void aGatewayMayCallTheServiceFromItsEventCallback() throws Exception {
        start("in-process");
        Fx fx = new Fx(new GrpcApi(channel));
        ByteString a = fx.client(NLM, "gw-cb");
        ByteString b = fx.client(NLM, "gw-cb");
        java.util.concurrent.CompletableFuture<Status> unlockedInCallback = new java.util.concurrent.CompletableFuture<>();
        io.grpc.Context.CancellableContext ctx = io.grpc.Context.current().withCancellation();
        ctx.run(() -> io.dittofs.contracts.lock.v1.LockServiceGrpc.newStub(channel).watchEvents(
                io.dittofs.contracts.lock.v1.WatchEventsRequest.newBuilder().setGatewayId("gw-cb").build(),
                new io.grpc.stub.StreamObserver<>() {
                    public void onNext(LockEvent e) {
                        unlockedInCallback.complete(fx.unlock(b, "q", "f", 0, 1));
                    }

                    public void onError(Throwable t) {
                        unlockedInCallback.completeExceptionally(t);
                    }

                    public void onCompleted() {
                    }
                }));
        try {
            fx.lock(a, "p", "f", 0, 1, true);
            assertThat(fx.lockBlocking(b, "q", "f", 0, 1, true).getQueued()).isTrue();
            assertThat(fx.unlock(a, "p", "f", 0, 1)).isEqualTo(Status.OK);
            assertThat(unlockedInCallback.get(10, TimeUnit.SECONDS)).isEqualTo(Status.OK);
            assertThat(fx.test(a, "p", "f", 0, 1, true)).isEqualTo(Status.OK);
        } finally {
            ctx.cancel(null);
        }
    }
}
