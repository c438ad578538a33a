package io.dittofs.block.core;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UNSTABLE writes of whole aligned blocks, answered before their blocks are hashed and stored.
 *
 * <p>Why: naming a block by its SHA-256 costs about 1 ms per MiB, most of a 1 MiB WRITE's time on
 * the request path, and an UNSTABLE write owes the client nothing durable until COMMIT (RFC 1813
 * §3.3.7). So the request copies the blocks into buffers of a bounded pool and returns; one worker
 * thread hashes, stores and logs them (the engine's ordinary whole-block write), in the order they
 * came, while the next request arrives — on another core.
 *
 * <p>Why it stays correct: every other operation on the payload (read, any write, commit, truncate,
 * clone, delete, stat...) first waits until the payload has nothing pending ({@link #drain}), so
 * it sees, logs and orders after every write answered before it; and every stable answer (COMMIT,
 * FILE_SYNC, truncate...) first waits for all blocks taken before it ({@link #drainAll}) and forces
 * the log past them, so it still makes everything answered before it durable, on any payload. A block that cannot be stored (I/O error, full disk) is lost although
 * it was answered: {@code onLoss} changes the write verifier, which tells every client to send its
 * uncommitted writes again (RFC 1813 §3.3.21); a crash loses the pending blocks the same way, and the
 * next start has a new verifier. Blocks pending at any time are bounded by the pool; a writer that
 * finds it full waits for room (backpressure at the hashing rate).
 */
final class HashBehind implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HashBehind.class);

    /** The engine's synchronous whole-block UNSTABLE write of consecutive blocks, one log record. */
    @FunctionalInterface
    interface Store {
        void write(ByteString id, long offset, ByteBuffer[] blocks) throws IOException;
    }

    private final Store store;
    private final Runnable onLoss;
    private final int blockSize;
    private final int maxBlocks;
    private final Semaphore room;
    private final ConcurrentLinkedQueue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    private volatile Thread workerThread;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = Thread.ofPlatform().daemon().name("block-hasher").unstarted(r);
        workerThread = t;
        return t;
    });
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();
    /** Blocks pending per payload, and the end of the furthest one; under {@link #lock}. */
    private final Map<ByteString, long[]> pending = new HashMap<>();
    /** All blocks pending: lets {@link #drain} return without the lock in the common case. */
    private final AtomicInteger total = new AtomicInteger();
    /** Blocks taken and blocks stored (or lost) so far, in the worker's FIFO order; under {@link #lock}. */
    private long submitted;
    private long completed;
    private volatile boolean closed;

    /** @param maxBytes bytes of blocks that may be pending at once (rounded down to blocks, at least one) */
    HashBehind(int blockSize, long maxBytes, Store store, Runnable onLoss) {
        this.store = store;
        this.onLoss = onLoss;
        this.blockSize = blockSize;
        this.maxBlocks = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxBytes / blockSize));
        this.room = new Semaphore(maxBlocks);
    }

    /**
     * Takes the whole blocks in {@code data} (aligned at {@code offset}) if they fit the pool;
     * copies them, so the caller may reuse {@code data} once this returns.
     *
     * @return the end of the furthest pending write of the payload, or -1 if not taken (write it now)
     */
    long offer(ByteString id, long offset, ByteBuffer data) throws IOException {
        int n = data.remaining() / blockSize;
        if (closed || n > maxBlocks) {
            return -1;
        }
        try {
            room.acquire(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for room to hash a block");
        }
        long end = offset + (long) n * blockSize;
        long furthest;
        lock.lock();
        try {
            long[] p = pending.computeIfAbsent(id, k -> new long[2]);
            p[0] += n;
            p[1] = Math.max(p[1], end);
            furthest = p[1];
            total.addAndGet(n);
            submitted += n;
        } finally {
            lock.unlock();
        }
        // one task and one log record per write, as on the request path: a crash keeps all of it or none
        ByteBuffer[] copies = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            copies[i] = buffer();
            copies[i].put(data.slice(data.position() + i * blockSize, blockSize)).flip();
        }
        try {
            worker.execute(() -> store(id, offset, copies));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            store(id, offset, copies); // closing: store it here (the engine refuses it if already closed)
        }
        return furthest;
    }

    private ByteBuffer buffer() {
        ByteBuffer b = free.poll();
        return b != null ? b.clear() : ByteBuffer.allocateDirect(blockSize);
    }

    private void store(ByteString id, long offset, ByteBuffer[] blocks) {
        try {
            store.write(id, offset, blocks);
        } catch (IOException | RuntimeException e) {
            log.error("an UNSTABLE write of {} bytes at {} could not be stored after its reply; the write verifier"
                    + " changes so that clients send their uncommitted writes again: {}",
                    (long) blocks.length * blockSize, offset, e.toString());
            onLoss.run();
        } finally {
            for (ByteBuffer b : blocks) {
                free.offer(b);
            }
            room.release(blocks.length);
            done(id, blocks.length);
        }
    }

    private void done(ByteString id, int n) {
        lock.lock();
        try {
            long[] p = pending.get(id);
            if (p == null) {
                return; // abandoned while this write was being stored: the counts were already reset
            }
            p[0] -= n;
            if (p[0] == 0) {
                pending.remove(id);
            }
            total.addAndGet(-n);
            completed += n;
            drained.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the payload has blocks not yet stored (a caller that must not wait reads elsewhere). */
    boolean pending(ByteString id) {
        if (total.get() == 0) {
            return false;
        }
        lock.lock();
        try {
            return pending.containsKey(id);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every block of the payload answered so far is stored and logged. */
    void drain(ByteString id) throws IOException {
        if (total.get() != 0) {
            awaitUnderLock(() -> !pending.containsKey(id));
        }
    }

    /**
     * Waits until every block taken before this call is stored and logged (not for later ones, so a
     * steady stream of writers cannot starve it): a stable answer then covers everything answered
     * before it, as without this class.
     */
    void drainAll() throws IOException {
        if (total.get() != 0) {
            long[] target = new long[] {-1};
            awaitUnderLock(() -> {
                if (target[0] < 0) {
                    target[0] = submitted; // read under the lock, at the first check
                }
                return completed >= target[0];
            });
        }
    }

    private void awaitUnderLock(java.util.function.BooleanSupplier done) throws IOException {
        lock.lock();
        try {
            while (!done.getAsBoolean()) {
                drained.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for pending blocks to be stored");
        } finally {
            lock.unlock();
        }
    }

    /** Whether the caller is the worker itself (which must never wait for its own queue). */
    boolean onWorker() {
        return Thread.currentThread() == workerThread;
    }

    /** Waits until nothing is pending, then stops the worker; later offers are refused. */
    @Override
    public void close() {
        closed = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.MINUTES)) {
                log.warn("blocks still pending after 5 minutes at shutdown; their writes were UNSTABLE");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops at once: pending blocks are dropped (a start-up that failed half-way has none). */
    void abandon() {
        closed = true;
        worker.shutdownNow();
        lock.lock();
        try {
            pending.clear(); // nobody may wait for blocks that will never be stored
            total.set(0);
            completed = submitted;
            drained.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
