package io.dittofs.block.core.wal;

import io.dittofs.block.local.Journal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead log over a {@link Journal}. Stable writes wait in {@link #sync} for a force that
 * covers them: one thread forces while the others wait, so concurrent writers share one fsync
 * (group commit). A checkpoint {@link #reset}s the log into a new generation; tickets of older
 * generations are already durable through that checkpoint.
 *
 * <p>Generations after the first this instance starts recycle the journal's space
 * ({@link Journal#recycle}): records are framed with their epoch in the checksum
 * ({@link WalCodec#MAGIC_SEEDED}), so stale frames of an earlier generation after the live tail
 * end the replay. The first reset truncates: the file may hold unseeded frames of an older
 * binary, which no checksum would tell from live ones. Callers append only under the engine's
 * shared checkpoint lock, so no append races a reset's change of epoch.
 */
public final class WriteAheadLog {

    private static final Logger log = LoggerFactory.getLogger(WriteAheadLog.class);

    /** Where an appended record ends, in which generation of the log. */
    public record Ticket(long generation, long end) {
    }

    /** Runs before every force of the log, see {@link #WriteAheadLog(Journal, BeforeForce)}. */
    @FunctionalInterface
    public interface BeforeForce {
        void run() throws IOException;
    }

    private final Journal journal;
    private final BeforeForce beforeForce;
    private final Object syncLock = new Object();
    private long generation;
    private long durable;
    private boolean forcing;
    /** The epoch the frames appended now are seeded with; null: unseeded (no generation started or replayed). */
    private volatile Long frameEpoch;
    /** Whether this instance started the journal's current content (it may then recycle it). */
    private boolean started;

    public WriteAheadLog(Journal journal) {
        this(journal, () -> { });
    }

    /**
     * @param beforeForce called after the extent of a force is fixed and before the force: it must
     *                    make durable whatever the records appended so far refer to outside the log
     *                    (the block files of {@link WalRecord.FullBlocks}), so a forced record never
     *                    names a block a crash can lose
     */
    public WriteAheadLog(Journal journal, BeforeForce beforeForce) {
        this.journal = journal;
        this.beforeForce = beforeForce;
    }

    public Ticket append(WalRecord record) throws IOException {
        ByteBuffer[] parts = WalCodec.encode(record, frameEpoch);
        long len = parts[0].remaining() + (long) parts[1].remaining();
        long start = journal.append(parts);
        synchronized (syncLock) {
            return new Ticket(generation, start + len);
        }
    }

    /**
     * Like {@link #append}, but only if the journal takes the record without I/O (into its buffer,
     * {@link Journal#appendWithoutIo}); null, with nothing appended, otherwise.
     */
    public Ticket appendWithoutIo(WalRecord record) throws IOException {
        ByteBuffer[] parts = WalCodec.encode(record, frameEpoch);
        long len = parts[0].remaining() + (long) parts[1].remaining();
        long start = journal.appendWithoutIo(parts);
        if (start < 0) {
            return null;
        }
        synchronized (syncLock) {
            return new Ticket(generation, start + len);
        }
    }

    /** Returns once the record behind the ticket is durable. */
    public void sync(Ticket ticket) throws IOException {
        synchronized (syncLock) {
            while (true) {
                if (ticket.generation() != generation || durable >= ticket.end()) {
                    return;
                }
                if (!forcing) {
                    forcing = true;
                    break;
                }
                try {
                    syncLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the write-ahead log", e);
                }
            }
        }
        long target = journal.size();
        IOException failure = null;
        try {
            // every record up to target was appended after its blocks were stored: sync those first
            beforeForce.run();
            journal.force();
        } catch (IOException e) {
            failure = e;
        }
        synchronized (syncLock) {
            forcing = false;
            if (failure == null && ticket.generation() == generation) {
                durable = Math.max(durable, target);
            }
            syncLock.notifyAll();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Makes everything appended so far durable. */
    public void syncAll() throws IOException {
        long gen;
        synchronized (syncLock) {
            gen = generation;
        }
        sync(new Ticket(gen, journal.size()));
    }

    /** Starts a new generation after a checkpoint: empties the journal and logs the new epoch durably. */
    public void reset(long epoch) throws IOException {
        synchronized (syncLock) {
            generation++;
            durable = 0;
        }
        if (started) {
            journal.recycle();
        } else {
            journal.reset();
            started = true;
        }
        frameEpoch = epoch;
        append(new WalRecord.Epoch(epoch));
        journal.force();
    }

    public long size() throws IOException {
        return journal.size();
    }

    /**
     * Feeds the records of the given epoch to the consumer in order. Stops at the first torn or
     * corrupt frame (the tail a crash can leave, or a stale frame of an earlier generation of a
     * recycled log); a log of another epoch is ignored whole. The journal is then cut where the
     * replayed records end (or restarted with this epoch when none were), so that records appended
     * next follow them instead of a tail that the next replay would stop at.
     *
     * @return the number of records replayed
     */
    public long replay(long epoch, Consumer<WalRecord> consumer) throws IOException {
        return replayUntil(epoch, r -> {
            consumer.accept(r);
            return true;
        });
    }

    /**
     * Like {@link #replay(long, Consumer)}, but the consumer may end the replay before a record
     * (by answering false): that record and all after it are ignored like a torn tail.
     */
    public long replayUntil(long epoch, Predicate<WalRecord> consumer) throws IOException {
        long size = journal.size();
        long pos = 0;
        long count = 0;
        long end = 0;
        frameEpoch = epoch;
        ByteBuffer header = ByteBuffer.allocate(WalCodec.HEADER);
        boolean first = true;
        while (pos + WalCodec.HEADER <= size) {
            header.clear();
            readFully(pos, header);
            int len = WalCodec.bodyLength(header, size - pos - WalCodec.HEADER);
            if (len < 0) {
                log.warn("write-ahead log: no valid frame at {} of {}; ignoring the tail", pos, size);
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(len);
            readFully(pos + WalCodec.HEADER, body);
            body.flip();
            if (!WalCodec.checksumOk(header, body, first ? null : epoch)) {
                log.warn("write-ahead log: checksum mismatch at {}; ignoring the tail", pos);
                break;
            }
            WalRecord record;
            try {
                record = WalCodec.decode(body);
            } catch (IllegalArgumentException e) {
                log.warn("write-ahead log: undecodable record at {} ({}); ignoring the tail", pos, e.getMessage());
                break;
            }
            pos += WalCodec.HEADER + len;
            if (first) {
                first = false;
                if (!(record instanceof WalRecord.Epoch e) || e.epoch() != epoch) {
                    log.info("write-ahead log belongs to another checkpoint ({}); nothing to replay", record);
                    end = 0;
                    break;
                }
                end = pos;
                continue;
            }
            if (!consumer.test(record)) {
                log.warn("write-ahead log: replay ends before the record at {} of {} ({})", pos - WalCodec.HEADER - len,
                        size, record.getClass().getSimpleName());
                break;
            }
            end = pos;
            count++;
        }
        if (end == 0) {
            // no generation of this epoch here: start one, or what is appended next would not replay
            reset(epoch);
        } else if (end < size) {
            journal.cut(end);
        }
        return count;
    }

    private void readFully(long pos, ByteBuffer dst) throws IOException {
        long p = pos;
        while (dst.hasRemaining()) {
            int n = journal.read(p, dst);
            if (n < 0) {
                throw new IOException("write-ahead log shorter than its frames at " + p);
            }
            p += n;
        }
    }
}
