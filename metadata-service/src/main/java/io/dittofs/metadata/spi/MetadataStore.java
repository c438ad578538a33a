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

    <T> T write(Function<StoreTx, T> work);

    /** "memory", "rocksdb", "postgres", ... for logs and metrics. */
    String kind();

    @Override
    void close();
}
