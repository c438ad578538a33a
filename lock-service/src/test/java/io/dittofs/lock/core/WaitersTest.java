package io.dittofs.lock.core;

import static io.dittofs.contracts.lock.v1.Protocol.NLM;
import static io.dittofs.contracts.lock.v1.Protocol.NFS4;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.LockResponse;
import org.junit.jupiter.api.Test;

class WaitersTest extends CoreTestBase {

    @Test
    void blockingRequestIsQueuedAndGrantedWithAnEventToItsGateway() {
        ByteString a = fx.client(NLM, "gw-a");
        ByteString b = fx.client(NLM, "gw-b");
        EventLog gwA = new EventLog(core.table(), "gw-a");
        EventLog gwB = new EventLog(core.table(), "gw-b");
        fx.lock(a, "p", "f", 0, 10, true);
        LockResponse queued = fx.lockBlocking(b, "q", "f", 5, 10, true);
        assertThat(queued.getStatus()).isEqualTo(Status.OK);
        assertThat(queued.getQueued()).isTrue();
        assertThat(queued.getConflict().getOwner().getClientId()).isEqualTo(a);
        assertThat(fx.lockBlocking(b, "q", "f", 5, 10, true).getLockId()).as("retransmission").isEqualTo(queued.getLockId());
        assertThat(gwB.granted()).isEmpty();
        fx.unlock(a, "p", "f", 0, 10);
        assertThat(gwB.granted()).hasSize(1);
        assertThat(gwB.granted().get(0).lock().id()).isEqualTo(queued.getLockId());
        assertThat(gwA.granted()).isEmpty();
        assertThat(fx.test(a, "p", "f", 6, 1, false)).isEqualTo(Status.DENIED);
    }

    @Test
    void waitersAreGrantedInArrivalOrderAndReadersDoNotOvertakeAQueuedWriter() {
        ByteString a = fx.client(NLM, "gw");
        EventLog log = new EventLog(core.table(), "gw");
        fx.lock(a, "reader0", "f", 0, 100, false);
        LockResponse writer = fx.lockBlocking(a, "writer", "f", 0, 100, true);
        assertThat(writer.getQueued()).isTrue();
        LockResponse reader = fx.lockBlocking(a, "reader1", "f", 0, 100, false);
        assertThat(reader.getQueued()).as("a reader queues behind the writer").isTrue();
        fx.unlock(a, "reader0", "f", 0, 100);
        assertThat(log.granted()).extracting(g -> g.lock().id()).containsExactly(writer.getLockId());
        fx.unlock(a, "writer", "f", 0, 100);
        assertThat(log.granted()).extracting(g -> g.lock().id()).containsExactly(writer.getLockId(), reader.getLockId());
    }

    @Test
    void aCycleAcrossFilesIsRefusedWithDeadlock() {
        ByteString c = fx.client(NLM, "gw");
        fx.lock(c, "A", "f1", 0, 1, true);
        fx.lock(c, "B", "f2", 0, 1, true);
        assertThat(fx.lockBlocking(c, "A", "f2", 0, 1, true).getQueued()).isTrue();
        LockResponse r = fx.lockBlocking(c, "B", "f1", 0, 1, true);
        assertThat(r.getStatus()).isEqualTo(Status.DEADLOCK);
        assertThat(r.getQueued()).isFalse();
        // a three-owner cycle
        fx.lock(c, "C", "f3", 0, 1, true);
        assertThat(fx.lockBlocking(c, "B", "f3", 0, 1, true).getQueued()).isTrue();
        assertThat(fx.lockBlocking(c, "C", "f1", 0, 1, true).getStatus()).isEqualTo(Status.DEADLOCK);
    }

    @Test
    void cancelWithdrawsTheRequestAndLetsLaterWaitersGo() {
        ByteString c = fx.client(NLM, "gw");
        EventLog log = new EventLog(core.table(), "gw");
        fx.lock(c, "holder", "f", 0, 10, false);
        assertThat(fx.lockBlocking(c, "writer", "f", 0, 10, true).getQueued()).isTrue();
        LockResponse reader = fx.lockBlocking(c, "reader", "f", 0, 10, false);
        assertThat(reader.getQueued()).isTrue();
        assertThat(fx.cancel(c, "writer", "f", 0, 10)).isEqualTo(Status.OK);
        assertThat(log.granted()).extracting(g -> g.lock().id()).containsExactly(reader.getLockId());
        assertThat(fx.cancel(c, "writer", "f", 0, 10)).isEqualTo(Status.NOT_LOCKED);
        assertThat(fx.cancel(c, "reader", "f", 0, 10)).as("already granted").isEqualTo(Status.NOT_LOCKED);
    }

    @Test
    void anExpiredClientLosesEverythingAndItsWaitersPeersAreGranted() {
        ByteString leased = fx.client(NFS4, "k1", 10, "gw");
        ByteString other = fx.client(NLM, "gw");
        EventLog log = new EventLog(core.table(), "gw");
        fx.lock(leased, "o", "f", 0, 0, true);
        fx.open(leased, "o", "f", 3, 3);
        assertThat(fx.lockBlocking(other, "p", "f", 0, 0, true).getQueued()).isTrue();
        clock.advanceMs(9_000);
        core.tick();
        assertThat(log.granted()).isEmpty();
        assertThat(fx.api.renewClient(io.dittofs.contracts.lock.v1.ClientRequest.newBuilder().setClientId(leased).build())
                .getStatus()).isEqualTo(Status.OK);
        clock.advanceMs(10_001);
        core.tick();
        assertThat(log.granted()).hasSize(1);
        assertThat(fx.lock(leased, "o", "g", 0, 1, true).getStatus()).isEqualTo(Status.EXPIRED);
        assertThat(fx.open(other, "x", "f", 3, 3).getStatus()).as("share reservation released").isEqualTo(Status.OK);
    }

    @Test
    void releaseClientDropsLocksOpensAndQueuedRequests() {
        ByteString a = fx.client(NLM, "gw");
        ByteString b = fx.client(NLM, "gw");
        fx.lock(a, "p", "f", 0, 10, true);
        fx.lock(b, "q", "g", 0, 10, true);
        assertThat(fx.lockBlocking(a, "p", "g", 0, 10, true).getQueued()).isTrue();
        assertThat(fx.release(a)).isEqualTo(Status.OK);
        assertThat(fx.release(a)).as("idempotent").isEqualTo(Status.OK);
        assertThat(fx.lock(b, "q", "f", 0, 10, true).getStatus()).isEqualTo(Status.OK);
        int waiting = core.table().read(t -> t.file(Fx.file("g").getValue()).waiters().size());
        assertThat(waiting).isZero();
    }
}
