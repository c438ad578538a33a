package io.dittofs.lock.store.memory;

import com.google.protobuf.ByteString;
import io.dittofs.lock.spi.Kind;
import io.dittofs.lock.spi.LockStore;
import io.dittofs.lock.spi.Mutation;
import io.dittofs.lock.spi.StoreException;
import io.dittofs.lock.spi.StoredRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps records in this process only: state is gone on restart, so there is never a grace period. */
public final class MemoryLockStore implements LockStore {

    private record Key(Kind kind, ByteString id) {
    }

    private final Map<Key, byte[]> records = new HashMap<>();
    private boolean closed;

    @Override
    public synchronized void apply(List<Mutation> batch) {
        if (closed) {
            throw new StoreException("memory lock store is closed", null);
        }
        for (Mutation m : batch) {
            Key k = new Key(m.kind(), m.id());
            if (m.isDelete()) {
                records.remove(k);
            } else {
                records.put(k, m.value().clone());
            }
        }
    }

    @Override
    public synchronized List<StoredRecord> loadAll() {
        if (closed) {
            throw new StoreException("memory lock store is closed", null);
        }
        List<StoredRecord> out = new ArrayList<>(records.size());
        records.forEach((k, v) -> out.add(new StoredRecord(k.kind(), k.id(), v.clone())));
        return out;
    }

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
