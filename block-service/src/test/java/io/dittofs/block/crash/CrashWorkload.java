package io.dittofs.block.crash;

import java.util.Random;

/**
 * The deterministic operation stream of one writer thread in one round: the child executes it,
 * the parent regenerates it to know what each acknowledged operation wrote.
 */
final class CrashWorkload {

    static final int PAYLOADS_PER_THREAD = 2;
    static final int MAX_OFFSET = 1_500_000;
    static final int MAX_LEN = 256 * 1024;
    static final int SMALL_LEN = 8 * 1024;
    static final int WHOLE_BLOCK = 64 * 1024;

    enum Kind { WRITE_UNSTABLE, WRITE_DATA_SYNC, WRITE_FILE_SYNC, TRUNCATE, COMMIT }

    record Op(Kind kind, int payload, long offset, int length, long dataSeed) {
        boolean stable() {
            return kind != Kind.WRITE_UNSTABLE;
        }

        byte[] data() {
            byte[] b = new byte[length];
            new Random(dataSeed).nextBytes(b);
            return b;
        }
    }

    private final Random rng;
    private final int thread;

    CrashWorkload(long seed, int round, int thread) {
        this.rng = new Random(seed * 1_000_003L + round * 7919L + thread);
        this.thread = thread;
    }

    Op next() {
        int r = rng.nextInt(100);
        int payload = thread * PAYLOADS_PER_THREAD + rng.nextInt(PAYLOADS_PER_THREAD);
        long off = rng.nextInt(MAX_OFFSET);
        // a third of the writes are small, so many land in sealed blocks' overlays
        int len = r >= 10 && r < 45 ? 1 + rng.nextInt(SMALL_LEN) : 1 + rng.nextInt(MAX_LEN);
        long dataSeed = rng.nextLong();
        int st = rng.nextInt(3);
        if (r >= 45 && r < 60) {
            // whole aligned blocks (CrashChild's 64 KiB), written once as sealed blocks, hashes logged
            off = off / WHOLE_BLOCK * WHOLE_BLOCK;
            len = WHOLE_BLOCK * (1 + len % 4);
        }
        if (r < 6) {
            return new Op(Kind.TRUNCATE, payload, off, 0, 0);
        }
        if (r < 10) {
            return new Op(Kind.COMMIT, payload, 0, 0, 0);
        }
        Kind k = st == 0 ? Kind.WRITE_UNSTABLE : st == 1 ? Kind.WRITE_DATA_SYNC : Kind.WRITE_FILE_SYNC;
        return new Op(k, payload, off, len, dataSeed);
    }

    static String payloadName(int payload) {
        return "crash-payload-" + payload;
    }
}
