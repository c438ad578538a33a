package io.dittofs.metadata.spi;

import java.util.function.Function;

/**
 * The storage SPI under the namespace rules. A store only keeps inodes, directory entries, xattrs
 * and a few meta values; every POSIX rule lives in {@code io.dittofs.metadata.core}.
 *
 * <p>{@link #write} runs the work atomically: the work may be run more than once (stores retry on
 * conflicts), so it must only depend on what it reads through the transaction. If it throws, nothing
 * it did is applied.
 */
public interface MetadataStore extends AutoCloseable {

    <T> T read(Function<StoreTx, T> work);

    /** Runs the work atomically; its changes are durable (survive a power failure) when it returns. */
    <T> T write(Function<StoreTx, T> work);

    /**
     * Like {@link #write} (atomic, visible to later reads at once), but the change need not be
     * durable yet: it becomes durable with the next {@link #sync} or durable write. For changes a
     * client has not asked to be stable, such as the size and times of an UNSTABLE WRITE before its
     * COMMIT. A store without a cheaper path simply writes durably.
     */
    default <T> T writeDeferred(Function<StoreTx, T> work) {
        return write(work);
    }

    /** Makes every write that returned before this call durable (COMMIT). */
    default void sync() {
    }

    /** "memory", "rocksdb", "postgres", ... for logs and metrics. */
    String kind();

    @Override
    void close();
}
