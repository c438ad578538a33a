package io.dittofs.metadata.store.rocksdb;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for a log that is appended without a sync: writers number their appends, and a
 * writer that needs its append durable waits until a sync that started after the append has
 * finished. Whoever finds no sync running becomes the leader and syncs everything appended so
 * far; the writers arriving meanwhile wait and share the next sync. So N concurrent writers pay
 * about two syncs, not N, and no sync ever runs under the store's write lock.
 */
final class GroupCommit {

    /** One sync of the whole log; everything appended before the call is durable when it returns. */
    @FunctionalInterface
    interface Sync {
        void run() throws Exception;
    }

    private final Sync sync;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition done = lock.newCondition();
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong syncs = new AtomicLong();
    private long durable;
    private boolean syncing;

    GroupCommit(Sync sync) {
        this.sync = sync;
    }

    /** Called once an append is in the log (under the writer's lock); returns its number. */
    long appended() {
        return appended.incrementAndGet();
    }

    /** Number of the latest append: waiting for it makes everything appended so far durable. */
    long latest() {
        return appended.get();
    }

    /** Number of syncs run so far (tests and metrics). */
    long syncs() {
        return syncs.get();
    }

    /** Returns once append {@code number} (and every earlier one) is durable. */
    void awaitDurable(long number) throws Exception {
        lock.lock();
        try {
            while (durable < number) {
                if (syncing) {
                    done.awaitUninterruptibly();
                    continue;
                }
                syncing = true;
                // every append numbered up to target is already in the log, so this sync covers them
                long target = appended.get();
                boolean ok = false;
                lock.unlock();
                try {
                    sync.run();
                    syncs.incrementAndGet();
                    ok = true;
                } finally {
                    lock.lock();
                    syncing = false;
                    if (ok) {
                        durable = Math.max(durable, target);
                    }
                    done.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
