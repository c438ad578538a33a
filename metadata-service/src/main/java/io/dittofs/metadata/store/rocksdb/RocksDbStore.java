package io.dittofs.metadata.store.rocksdb;

import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.spi.StoreException;
import io.dittofs.metadata.spi.StoreTx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default. Each write operation collects its changes in one WriteBatch (indexed, so
 * it reads its own writes) and commits it with a single atomic write: a process death leaves the
 * operation either fully applied or not at all (the WAL replays whole batches). Writers are
 * serialised by a lock in this process (RocksDB's own lock keeps other processes out); readers
 * use a snapshot so they never see half of a commit.
 */
public final class RocksDbStore implements MetadataStore {

    private static final Logger log = LoggerFactory.getLogger(RocksDbStore.class);
    static final String NEXT_ID = "next-inode-id";

    static {
        RocksDB.loadLibrary();
    }

    private final Path path;
    private final Options options;
    private final RocksDB db;
    private final WriteOptions writeOptions;
    private final ReentrantLock writeLock = new ReentrantLock();
    private long nextId;

    /**
     * @param sync fsync the WAL on every commit (survives power loss, not only process death)
     */
    public RocksDbStore(Path path, boolean sync) {
        this.path = path;
        try {
            Files.createDirectories(path);
            options = new Options().setCreateIfMissing(true);
            db = RocksDB.open(options, path.toString());
            writeOptions = new WriteOptions().setSync(sync);
            byte[] v = db.get(Keys.meta(NEXT_ID));
            nextId = v == null ? 1 : ByteBuffer.wrap(v).getLong();
        } catch (IOException | RocksDBException e) {
            throw new StoreException("cannot open RocksDB metadata store at " + path + ": " + e.getMessage(), e);
        }
        log.info("RocksDB metadata store at {} (sync={})", path, sync);
    }

    @Override
    public <T> T read(Function<StoreTx, T> work) {
        Snapshot snapshot = db.getSnapshot();
        try (ReadOptions ro = new ReadOptions().setSnapshot(snapshot)) {
            return work.apply(new RocksTx(db, ro, null, this));
        } finally {
            db.releaseSnapshot(snapshot);
        }
    }

    @Override
    public <T> T write(Function<StoreTx, T> work) {
        writeLock.lock();
        long idBefore = nextId;
        try (WriteBatchWithIndex batch = new WriteBatchWithIndex(true);
             ReadOptions ro = new ReadOptions()) {
            RocksTx tx = new RocksTx(db, ro, batch, this);
            T result = work.apply(tx);
            if (nextId != idBefore) {
                batch.put(Keys.meta(NEXT_ID), ByteBuffer.allocate(8).putLong(nextId).array());
            }
            if (batch.count() > 0) {
                db.write(writeOptions, batch);
            }
            return result;
        } catch (RocksDBException e) {
            throw new StoreException("RocksDB write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Called with the write lock held. Ids handed out by a failed transaction are skipped, never reused. */
    long allocateId() {
        return nextId++;
    }

    @Override
    public String kind() {
        return "rocksdb";
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            db.close();
            writeOptions.close();
            options.close();
        } finally {
            writeLock.unlock();
        }
    }
}
