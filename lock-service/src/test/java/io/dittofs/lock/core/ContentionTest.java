package io.dittofs.lock.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.LockResponse;
import io.dittofs.contracts.lock.v1.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 1,000 lockers on virtual threads contend for one file, each several times, exclusive and shared
 * (seeded). An invariant checker counts holders while they hold: never two exclusive holders,
 * never a reader beside a writer. Every request is granted exactly once (directly or by one
 * GrantedEvent), none is lost.
 */
class ContentionTest extends CoreTestBase {

    static final int LOCKERS = 1000;
    static final int ROUNDS = 3;

    @Test
    void thousandLockersOnOneFileNeverOverlapAndNoneIsLost() throws Exception {
        Map<ByteString, CountDownLatch> pending = new ConcurrentHashMap<>();
        Map<ByteString, AtomicInteger> grantedEvents = new ConcurrentHashMap<>();
        core.table().read(t -> t.hub().subscribe("gw", e -> {
            if (e instanceof CoreEvent.Granted g) {
                grantedEvents.computeIfAbsent(g.lock().id(), k -> new AtomicInteger()).incrementAndGet();
                pending.computeIfAbsent(g.lock().id(), k -> new CountDownLatch(1)).countDown();
            }
        }, List.of(), () -> { }));
        AtomicInteger writers = new AtomicInteger();
        AtomicInteger readers = new AtomicInteger();
        AtomicInteger violations = new AtomicInteger();
        AtomicInteger grants = new AtomicInteger();
        AtomicInteger queuedCount = new AtomicInteger();
        ByteString client = fx.client(Protocol.NLM, "gw");
        Random seeds = new Random(7);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < LOCKERS; i++) {
                String owner = "locker-" + i;
                long seed = seeds.nextLong();
                done.add(pool.submit(() -> {
                    Random rnd = new Random(seed);
                    for (int round = 0; round < ROUNDS; round++) {
                        boolean write = rnd.nextInt(4) != 0;
                        LockResponse r = fx.lockBlocking(client, owner, "hot", 0, 0, write);
                        assertThat(r.getStatus()).isEqualTo(Status.OK);
                        if (r.getQueued()) {
                            queuedCount.incrementAndGet();
                            CountDownLatch latch = pending.computeIfAbsent(r.getLockId(), k -> new CountDownLatch(1));
                            assertThat(latch.await(120, TimeUnit.SECONDS)).as("granted event for " + owner).isTrue();
                        }
                        grants.incrementAndGet();
                        if (write) {
                            if (writers.incrementAndGet() != 1 || readers.get() != 0) {
                                violations.incrementAndGet();
                            }
                            Thread.yield();
                            writers.decrementAndGet();
                        } else {
                            readers.incrementAndGet();
                            if (writers.get() != 0) {
                                violations.incrementAndGet();
                            }
                            Thread.yield();
                            readers.decrementAndGet();
                        }
                        assertThat(fx.unlock(client, owner, "hot", 0, 0)).isEqualTo(Status.OK);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(180, TimeUnit.SECONDS);
            }
        }
        assertThat(violations.get()).isZero();
        assertThat(grants.get()).isEqualTo(LOCKERS * ROUNDS);
        assertThat(queuedCount.get()).as("the run really contended").isGreaterThan(LOCKERS / 10);
        assertThat(grantedEvents.values()).allSatisfy(n -> assertThat(n.get()).as("duplicated grant").isEqualTo(1));
        assertThat(grantedEvents).hasSize(queuedCount.get());
        assertThat(locksOn("hot")).isZero();
    }
}
