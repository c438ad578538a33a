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
     * durable yet: it becomes durable with the next {@link #sync}, possibly sooner (some stores
     * with any later durable write; RocksDB keeps inode-only changes in memory until a sync, and
     * a process death before it loses them). For changes a client has not asked to be stable,
     * such as the size and times of an UNSTABLE WRITE before its COMMIT. A store without a
     * cheaper path simply writes durably.
     */
    default <T> T writeDeferred(Function<StoreTx, T> work) {
        return write(work);
    }

    /**
     * A namespace change a client is answered for (CREATE, REMOVE, RENAME, LINK, SETATTR, xattrs):
     * {@link #write} unless the store is configured for asynchronous namespace commits (RocksDB
     * {@code dittofs.metadata.rocksdb.async-namespace}, the equivalent of knfsd's {@code async}
     * export option). Then it returns once the change survives a death of this process, and the
     * store makes it survive a power failure within its bounded delay, or sooner with any
     * {@link #sync} or durable {@link #write}. Changes become durable in commit order.
     */
    default <T> T writeNamespace(Function<StoreTx, T> work) {
        return write(work);
    }

    /**
     * Makes every namespace change acknowledged so far durable when {@link #writeNamespace} does
     * not (nothing to do otherwise). Called before an acknowledged change is acted on outside this
     * store, e.g. before released content is deleted from the block-service: a power failure must
     * not bring back a name whose content is already gone.
     */
    default void syncNamespace() {
    }

    /** Makes every write that returned before this call durable (COMMIT). */
    default void sync() {
    }

    /** "memory", "rocksdb", "postgres", ... for logs and metrics. */
    String kind();

    @Override
    void close();
}
