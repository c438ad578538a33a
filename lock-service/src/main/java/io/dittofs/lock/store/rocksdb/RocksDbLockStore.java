package io.dittofs.lock.store.rocksdb;

import com.google.protobuf.ByteString;
import io.dittofs.lock.spi.Kind;
import io.dittofs.lock.spi.LockStore;
import io.dittofs.lock.spi.Mutation;
import io.dittofs.lock.spi.StoreException;
import io.dittofs.lock.spi.StoredRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default. Key = kind code byte + id; each batch is one atomic RocksDB write, so a
 * process death leaves a whole batch or none (the WAL replays whole batches).
 */
public final class RocksDbLockStore implements LockStore {

    private static final Logger log = LoggerFactory.getLogger(RocksDbLockStore.class);

    static {
        RocksDB.loadLibrary();
    }

    private final Options options;
    private final RocksDB db;
    private final WriteOptions writeOptions;
    private volatile boolean closed;

    /** @param sync fsync the WAL on every batch (survives power loss, not only process death) */
    public RocksDbLockStore(Path path, boolean sync) {
        try {
            Files.createDirectories(path);
            options = new Options().setCreateIfMissing(true);
            db = RocksDB.open(options, path.toString());
            writeOptions = new WriteOptions().setSync(sync);
        } catch (IOException | RocksDBException e) {
            throw new StoreException("cannot open RocksDB lock store at " + path + ": " + e.getMessage(), e);
        }
        log.info("RocksDB lock store at {} (sync={})", path, sync);
    }

    static byte[] key(Kind kind, ByteString id) {
        byte[] k = new byte[1 + id.size()];
        k[0] = (byte) kind.code();
        id.copyTo(k, 1);
        return k;
    }

    @Override
    public void apply(List<Mutation> batch) {
        if (closed) {
            throw new StoreException("RocksDB lock store is closed", null);
        }
        try (WriteBatch wb = new WriteBatch()) {
            for (Mutation m : batch) {
                byte[] k = key(m.kind(), m.id());
                if (m.isDelete()) {
                    wb.delete(k);
                } else {
                    wb.put(k, m.value());
                }
            }
            db.write(writeOptions, wb);
        } catch (RocksDBException e) {
            throw new StoreException("RocksDB lock store write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredRecord> loadAll() {
        List<StoredRecord> out = new ArrayList<>();
        try (RocksIterator it = db.newIterator()) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (k.length < 2) {
                    throw new StoreException("corrupt lock store key of " + k.length + " bytes", null);
                }
                out.add(new StoredRecord(Kind.of((char) k[0]), ByteString.copyFrom(k, 1, k.length - 1), it.value()));
            }
            it.status();
        } catch (RocksDBException e) {
            throw new StoreException("RocksDB lock store read failed: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public String kind() {
        return "rocksdb";
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            db.syncWal();
        } catch (RocksDBException e) {
            log.warn("RocksDB lock store: WAL sync on close failed: {}", e.getMessage());
        }
        db.close();
        writeOptions.close();
        options.close();
    }
}
