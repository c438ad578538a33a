package io.dittofs.block.core;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.blockmap.PayloadMap;
import io.dittofs.block.core.wal.WalRecord;
import io.dittofs.block.core.wal.WriteAheadLog;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Clone and copy: share whole aligned blocks by reference, copy the rest in bounded chunks. */
final class CloneOp {

    private static final int CHUNK = 4 << 20;

    private final BlockEngine engine;
    private final ReentrantReadWriteLock cpLock;
    private final PayloadTable table;
    private final WriteAheadLog wal;
    private final int bs;

    CloneOp(BlockEngine engine, ReentrantReadWriteLock cpLock, PayloadTable table, WriteAheadLog wal, int bs) {
        this.engine = engine;
        this.cpLock = cpLock;
        this.table = table;
        this.wal = wal;
        this.bs = bs;
    }

    long[] run(ByteString src, long srcOff, ByteString dst, long dstOff, long length, boolean stable) throws IOException {
        BlockEngine.checkId(src);
        BlockEngine.checkId(dst);
        BlockEngine.checkRange(srcOff, length);
        BlockEngine.checkRange(dstOff, length);
        long[] plan = engine.shared(() -> plan(src, srcOff, dst, dstOff, length));
        long len = plan[0];
        long shared = plan[1];
        WriteAheadLog.Ticket last = plan[2] < 0 ? null : new WriteAheadLog.Ticket(plan[2], plan[3]);
        long done = shared;
        while (done < len) {
            int n = (int) Math.min(CHUNK, len - done);
            long from = srcOff + done;
            long to = dstOff + done;
            WriteAheadLog.Ticket t = engine.shared(() -> copyChunk(src, from, dst, to, n));
            if (t != null) {
                last = t;
            }
            done += n;
        }
        if (stable && last != null) {
            wal.sync(last);
        }
        engine.maybeCheckpoint();
        long size = engine.shared(() -> table.getOrEmpty(dst).size());
        return new long[] {len, size};
    }

    /** Decides the length and shares the aligned blocks; returns {length, bytes shared, ticket gen, ticket end}. */
    private long[] plan(ByteString src, long srcOff, ByteString dst, long dstOff, long length) throws IOException {
        PayloadMap s = table.getOrEmpty(src);
        PayloadMap d = table.getOrCreate(dst);
        Object first = ByteString.unsignedLexicographicalComparator().compare(src, dst) <= 0 ? s : d;
        Object second = first == s ? d : s;
        synchronized (first) {
            synchronized (second) {
                if (d.deleted()) {
                    throw new StatusException(Status.DELAY, "destination deleted during clone");
                }
                long avail = Math.max(0, s.size() - srcOff);
                long len = length == 0 ? avail : Math.min(length, avail);
                if (src.equals(dst) && srcOff < dstOff + len && dstOff < srcOff + len) {
                    throw new StatusException(Status.INVAL, "clone of overlapping ranges within one object");
                }
                long shareBlocks = 0;
                if (srcOff % bs == 0 && dstOff % bs == 0) {
                    shareBlocks = len / bs;
                    boolean tailToEof = len % bs != 0 && srcOff + len == s.size() && dstOff + len >= d.size();
                    if (tailToEof) {
                        shareBlocks++;
                    }
                }
                long sharedBytes = Math.min(len, shareBlocks * bs);
                if (sharedBytes == 0) {
                    return new long[] {len, 0, -1, -1};
                }
                WalRecord.Clone rec = new WalRecord.Clone(src, srcOff, dst, dstOff, sharedBytes);
                WriteAheadLog.Ticket t = wal.append(rec);
                table.apply(rec);
                return new long[] {len, sharedBytes, t.generation(), t.end()};
            }
        }
    }

    private WriteAheadLog.Ticket copyChunk(ByteString src, long from, ByteString dst, long to, int n) throws IOException {
        PayloadMap s = table.getOrEmpty(src);
        byte[] buf;
        synchronized (s) {
            int avail = (int) Math.max(0, Math.min(n, s.size() - from));
            buf = new byte[avail];
            s.read(from, buf);
        }
        if (buf.length == 0) {
            return null;
        }
        PayloadMap d = table.getOrCreate(dst);
        synchronized (d) {
            ByteBuffer data = ByteBuffer.wrap(buf);
            d.prepareWrite(to, buf.length);
            WalRecord.Write rec = new WalRecord.Write(dst, to, data);
            WriteAheadLog.Ticket t = wal.append(rec);
            table.apply(rec);
            return t;
        }
    }
}
