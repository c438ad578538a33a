package io.dittofs.lock.storetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.ClientRequest;
import io.dittofs.contracts.lock.v1.GetGraceRequest;
import io.dittofs.contracts.lock.v1.Protocol;
import io.dittofs.contracts.lock.v1.RegisterClientRequest;
import io.dittofs.contracts.lock.v1.RegisterClientResponse;
import io.dittofs.lock.core.DirectApi;
import io.dittofs.lock.core.Fx;
import io.dittofs.lock.core.LockCore;
import io.dittofs.lock.core.LockSettings;
import io.dittofs.lock.core.TestClock;
import io.dittofs.lock.spi.Kind;
import io.dittofs.lock.spi.LockStore;
import io.dittofs.lock.spi.Mutation;
import io.dittofs.lock.spi.StoreException;
import io.dittofs.lock.spi.StoredRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every LockStore must do, run against memory, RocksDB and real PostgreSQL. Durable stores
 * also prove restarts: the lock table comes back, the service is in grace, reclaims are granted
 * and new conflicting requests get GRACE until the period ends.
 */
public abstract class LockStoreConformance {

    protected LockStore store;

    protected abstract LockStore openStore();

    /** The same store again after {@link #store} was closed; null for stores that do not persist. */
    protected abstract LockStore reopenStore();

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    static ByteString id(String s) {
        return ByteString.copyFromUtf8(s);
    }

    static Map<String, String> contents(LockStore s) {
        Map<String, String> out = new HashMap<>();
        for (StoredRecord r : s.loadAll()) {
            out.put(r.kind().code() + ":" + r.id().toStringUtf8(), new String(r.value()));
        }
        return out;
    }

    @Test
    void putsOverwritesAndDeletesOfEveryKind() {
        List<Mutation> batch = new ArrayList<>();
        for (Kind k : Kind.values()) {
            batch.add(Mutation.put(k, id("a"), ("v-" + k).getBytes()));
            batch.add(Mutation.put(k, id("b"), "x".getBytes()));
        }
        store.apply(batch);
        store.apply(List.of(Mutation.put(Kind.LOCK, id("a"), "new".getBytes()), Mutation.delete(Kind.OPEN, id("b")),
                Mutation.delete(Kind.GRANT, id("nothing"))));
        Map<String, String> c = contents(store);
        assertThat(c).hasSize(7).containsEntry("l:a", "new").containsEntry("c:a", "v-CLIENT")
                .containsEntry("g:b", "x").doesNotContainKey("o:b");
    }

    @Test
    void aBatchAppliesInOrder() {
        store.apply(List.of(Mutation.put(Kind.LOCK, id("k"), "1".getBytes()), Mutation.delete(Kind.LOCK, id("k")),
                Mutation.put(Kind.LOCK, id("j"), "1".getBytes())));
        store.apply(List.of(Mutation.delete(Kind.LOCK, id("j")), Mutation.put(Kind.LOCK, id("j"), "2".getBytes())));
        assertThat(contents(store)).containsOnlyKeys("l:j").containsEntry("l:j", "2");
    }

    @Test
    void binaryIdsAndLargeBatches() {
        List<Mutation> batch = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            batch.add(Mutation.put(Kind.LOCK, ByteString.copyFrom(new byte[] {0, (byte) (i >> 8), (byte) i, -1}), new byte[] {1, 2}));
        }
        store.apply(batch);
        assertThat(store.loadAll()).hasSize(5000).allSatisfy(r -> assertThat(r.id().size()).isEqualTo(4));
    }

    @Test
    void concurrentBatchesAreAllKept() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        store.apply(List.of(Mutation.put(Kind.OPEN, id(thread + "-" + i), new byte[] {1})));
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        assertThat(store.loadAll()).hasSize(400);
    }

    @Test
    void aClosedStoreFailsWithStoreExceptionAndTheTableAnswersDelay() {
        TestClock clock = new TestClock();
        LockCore core = new LockCore(store, clock, LockSettings.defaults(), null);
        Fx fx = new Fx(new DirectApi(core.table()));
        ByteString c = fx.client(Protocol.NLM, "gw");
        store.close();
        assertThatThrownBy(() -> store.apply(List.of(Mutation.delete(Kind.LOCK, id("x"))))).isInstanceOf(StoreException.class);
        assertThat(fx.lock(c, "p", "f", 0, 1, true).getStatus()).isEqualTo(Status.DELAY);
        boolean none = core.table().read(t -> t.file(Fx.file("f").getValue()).locks().isEmpty());
        assertThat(none).as("memory follows the store").isTrue();
        store = null;
        core.close();
    }

    @Test
    void restartRestoresStateAndGraceAdmitsOnlyReclaims() {
        TestClock clock = new TestClock();
        LockSettings settings = new LockSettings(Duration.ofSeconds(30), Duration.ofSeconds(5));
        LockCore core = new LockCore(store, clock, settings, null);
        Fx fx = new Fx(new DirectApi(core.table()));
        ByteString a = fx.client(Protocol.NLM, "host-a", 0, "gw");
        ByteString b = fx.client(Protocol.NLM, "host-b", 0, "gw");
        ByteString s = fx.client(Protocol.SMB, "smb-1", 0, "gw");
        fx.lock(a, "p", "f", 0, 10, true);
        fx.lock(b, "q", "g", 0, 10, true);
        fx.lock(s, "h", "k", 0, 10, false);
        var open = fx.openWithGrant(s, "h", "k", 1, 2, 5, "lk", true);
        core.close();
        store.close();
        store = reopenStore();
        if (store == null) {
            return; // memory: nothing survives, nothing to reclaim
        }
        core = new LockCore(store, clock, settings, null);
        fx = new Fx(new DirectApi(core.table()));
        assertThat(fx.api.getGrace(GetGraceRequest.getDefaultInstance()).getInGrace()).isTrue();
        RegisterClientResponse again = fx.api.registerClient(RegisterClientRequest.newBuilder().setProtocol(Protocol.NLM)
                .setClientKey(id("host-a")).setGatewayId("gw2").build());
        assertThat(again.getClientId()).isEqualTo(a);
        assertThat(again.getHadState()).isTrue();
        assertThat(again.getInGrace()).isTrue();
        ByteString c = fx.client(Protocol.NLM, "host-c", 0, "gw");
        // a reclaims; c's conflicting requests wait for the grace period, on both files
        assertThat(fx.api.lock(Fx.lockReq(a, "p", "f", 0, 10, true).setReclaim(true).build()).getStatus()).isEqualTo(Status.OK);
        assertThat(fx.lock(c, "r", "f", 5, 1, true).getStatus()).isEqualTo(Status.GRACE);
        assertThat(fx.lock(c, "r", "g", 5, 1, true).getStatus()).isEqualTo(Status.GRACE);
        assertThat(fx.lock(c, "r", "free", 0, 1, true).getStatus()).as("nothing to reclaim there").isEqualTo(Status.OK);
        // the SMB client reclaims its lock and its open with the lease under the same ids
        assertThat(fx.api.lock(Fx.lockReq(s, "h", "k", 0, 10, false).setReclaim(true).build()).getStatus()).isEqualTo(Status.OK);
        var reopened = fx.api.open(io.dittofs.contracts.lock.v1.OpenRequest.newBuilder().setFile(Fx.file("k"))
                .setOwner(Fx.owner(s, "h")).setAccess(1).setDeny(2).setReclaim(true)
                .setGrant(io.dittofs.contracts.lock.v1.GrantRequest.newBuilder().setBits(5).setLeaseKey(id("lk"))).build());
        assertThat(reopened.getOpenId()).isEqualTo(open.getOpenId());
        assertThat(reopened.getGrantId()).isEqualTo(open.getGrantId());
        assertThat(reopened.getGrantedGrantBits()).isEqualTo(5);
        clock.advanceMs(30_001);
        // no housekeeping tick: the first operation after the period ends it and drops what was
        // not reclaimed, so b's dead lock never answers DENIED
        assertThat(fx.api.getGrace(GetGraceRequest.getDefaultInstance()).getInGrace()).isFalse();
        assertThat(fx.lock(c, "r", "f", 5, 1, true).getStatus()).as("reclaimed lock still held").isEqualTo(Status.DENIED);
        assertThat(fx.lock(c, "r", "g", 5, 1, true).getStatus()).as("b never reclaimed").isEqualTo(Status.OK);
        assertThat(fx.open(c, "r", "k", 2, 0).getStatus()).as("reclaimed deny-write").isEqualTo(Status.SHARE_DENIED);
        assertThat(fx.api.lock(Fx.lockReq(a, "p", "f", 0, 10, true).setReclaim(true).build()).getStatus())
                .isEqualTo(Status.NO_GRACE);
        core.close();
    }

    @Test
    void reclaimCompleteOfEveryClientEndsGraceEarly() {
        TestClock clock = new TestClock();
        LockSettings settings = new LockSettings(Duration.ofSeconds(30), Duration.ofSeconds(5));
        LockCore core = new LockCore(store, clock, settings, null);
        Fx fx = new Fx(new DirectApi(core.table()));
        ByteString a = fx.client(Protocol.NFS4, "nfs-a", 60, "gw");
        fx.lock(a, "o", "f", 0, 10, true);
        fx.lock(a, "o", "g", 0, 10, true);
        core.close();
        store.close();
        store = reopenStore();
        if (store == null) {
            return;
        }
        core = new LockCore(store, clock, settings, null);
        fx = new Fx(new DirectApi(core.table()));
        assertThat(fx.api.lock(Fx.lockReq(a, "o", "f", 0, 10, true).setReclaim(true).build()).getStatus()).isEqualTo(Status.OK);
        assertThat(fx.api.reclaimComplete(ClientRequest.newBuilder().setClientId(a).build()).getStatus()).isEqualTo(Status.OK);
        assertThat(fx.api.getGrace(GetGraceRequest.getDefaultInstance()).getInGrace()).isFalse();
        ByteString c = fx.client(Protocol.NFS4, "nfs-c", 60, "gw");
        assertThat(fx.lock(c, "o", "g", 0, 10, true).getStatus()).as("unreclaimed lock dropped").isEqualTo(Status.OK);
        assertThat(fx.lock(c, "o", "f", 0, 10, true).getStatus()).isEqualTo(Status.DENIED);
        core.close();
    }
}
