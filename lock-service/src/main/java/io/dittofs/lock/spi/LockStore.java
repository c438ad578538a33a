package io.dittofs.lock.spi;

import java.util.List;

/**
 * Durable lock state under the lock table: clients, opens, locks and grants as opaque records
 * keyed by (kind, id). The lock table keeps all state in memory and writes every change through
 * before it becomes visible; the store is read only at start-up.
 *
 * <p>{@link #apply} is atomic and durable when it returns: either every mutation of the batch
 * survives a crash or none does. Mutations in a batch touch distinct keys.
 */
public interface LockStore extends AutoCloseable {

    void apply(List<Mutation> batch);

    /** Every record, in no particular order. */
    List<StoredRecord> loadAll();

    /** "memory", "rocksdb", "postgres", ... for logs. */
    String kind();

    @Override
    void close();
}
