package io.dittofs.block.core;

import java.time.Duration;

/**
 * Tuning of the engine.
 *
 * @param blockSize          bytes per block (power of two, 4 KiB..64 MiB); fixed for a local tier once written
 * @param dirtyLimitBytes    unsealed bytes in the heap that trigger a checkpoint
 * @param walLimitBytes      log size that triggers a checkpoint
 * @param checkpointInterval a checkpoint runs at least this often while anything is dirty
 * @param cacheMaxBytes      bound of the local block cache (0 = unbounded); only remote-synced blocks are evicted
 * @param remotePrefix       key prefix of blocks on the remote tier
 * @param initialBackoff     first retry delay of a failed remote operation
 * @param maxBackoff         cap of the exponential backoff
 * @param remoteWorkers      remote-tier uploads/deletes (and read-ahead fetches) run this many at a time
 * @param readAheadBlocks    on a sequential read, blocks ahead fetched from the remote tier if not local (0 = off)
 * @param hashBehindBytes    UNSTABLE whole-block writes up to this many bytes may be answered before their blocks
 *                           are hashed and stored ({@link HashBehind}; 0 = off)
 */
public record EngineSettings(int blockSize, long dirtyLimitBytes, long walLimitBytes, Duration checkpointInterval,
                             long cacheMaxBytes, String remotePrefix, Duration initialBackoff, Duration maxBackoff,
                             int remoteWorkers, int readAheadBlocks, long hashBehindBytes) {

    public static final int DEFAULT_REMOTE_WORKERS = 8;
    public static final int DEFAULT_READ_AHEAD_BLOCKS = 4;
    public static final long DEFAULT_HASH_BEHIND_BYTES = 32L << 20;

    /** The settings before hashing behind the reply was tunable: the default for it. */
    public EngineSettings(int blockSize, long dirtyLimitBytes, long walLimitBytes, Duration checkpointInterval,
                          long cacheMaxBytes, String remotePrefix, Duration initialBackoff, Duration maxBackoff,
                          int remoteWorkers, int readAheadBlocks) {
        this(blockSize, dirtyLimitBytes, walLimitBytes, checkpointInterval, cacheMaxBytes, remotePrefix, initialBackoff,
                maxBackoff, remoteWorkers, readAheadBlocks, DEFAULT_HASH_BEHIND_BYTES);
    }

    /** The settings before remote parallelism was tunable: defaults for it. */
    public EngineSettings(int blockSize, long dirtyLimitBytes, long walLimitBytes, Duration checkpointInterval,
                          long cacheMaxBytes, String remotePrefix, Duration initialBackoff, Duration maxBackoff) {
        this(blockSize, dirtyLimitBytes, walLimitBytes, checkpointInterval, cacheMaxBytes, remotePrefix, initialBackoff,
                maxBackoff, DEFAULT_REMOTE_WORKERS, DEFAULT_READ_AHEAD_BLOCKS);
    }

    public EngineSettings {
        if (remoteWorkers < 1 || remoteWorkers > 256) {
            throw new IllegalArgumentException("remote workers must be between 1 and 256 (got " + remoteWorkers + ")");
        }
        if (readAheadBlocks < 0 || readAheadBlocks > 256) {
            throw new IllegalArgumentException("read-ahead must be between 0 and 256 blocks (got " + readAheadBlocks + ")");
        }
        if (blockSize < 4096 || blockSize > (64 << 20) || Integer.bitCount(blockSize) != 1) {
            throw new IllegalArgumentException("block size must be a power of two between 4 KiB and 64 MiB (got " + blockSize + ")");
        }
        if (hashBehindBytes < 0) {
            throw new IllegalArgumentException("hash-behind bytes must be 0 (off) or positive (got " + hashBehindBytes + ")");
        }
        if (dirtyLimitBytes < blockSize || walLimitBytes < blockSize) {
            throw new IllegalArgumentException("dirty and WAL limits must be at least one block");
        }
    }

    public static EngineSettings defaults() {
        return new EngineSettings(1 << 20, 64L << 20, 256L << 20, Duration.ofSeconds(5), 0, "blocks/",
                Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    public EngineSettings withBlockSize(int bs) {
        return new EngineSettings(bs, Math.max(dirtyLimitBytes, bs), Math.max(walLimitBytes, bs), checkpointInterval,
                cacheMaxBytes, remotePrefix, initialBackoff, maxBackoff, remoteWorkers, readAheadBlocks, hashBehindBytes);
    }

    public EngineSettings withCacheMaxBytes(long bytes) {
        return new EngineSettings(blockSize, dirtyLimitBytes, walLimitBytes, checkpointInterval, bytes, remotePrefix,
                initialBackoff, maxBackoff, remoteWorkers, readAheadBlocks, hashBehindBytes);
    }

    public EngineSettings withLimits(long dirty, long wal) {
        return new EngineSettings(blockSize, dirty, wal, checkpointInterval, cacheMaxBytes, remotePrefix, initialBackoff,
                maxBackoff, remoteWorkers, readAheadBlocks, hashBehindBytes);
    }

    public EngineSettings withBackoff(Duration initial, Duration max) {
        return new EngineSettings(blockSize, dirtyLimitBytes, walLimitBytes, checkpointInterval, cacheMaxBytes, remotePrefix,
                initial, max, remoteWorkers, readAheadBlocks, hashBehindBytes);
    }

    public EngineSettings withRemote(int workers, int readAhead) {
        return new EngineSettings(blockSize, dirtyLimitBytes, walLimitBytes, checkpointInterval, cacheMaxBytes, remotePrefix,
                initialBackoff, maxBackoff, workers, readAhead, hashBehindBytes);
    }

    public EngineSettings withHashBehind(long bytes) {
        return new EngineSettings(blockSize, dirtyLimitBytes, walLimitBytes, checkpointInterval, cacheMaxBytes, remotePrefix,
                initialBackoff, maxBackoff, remoteWorkers, readAheadBlocks, bytes);
    }
}
