package io.dittofs.block.core.blockmap;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One content object: its size and its block map (block index → {@link Entry}). Callers hold the
 * object's monitor. Mutations are split into {@code prepare*} (may read sealed blocks, may fail,
 * changes no content) and {@code apply*} (cannot fail once prepared), so the engine can log a
 * record between the two and never log something it could not apply.
 */
public final class PayloadMap {

    private final ByteString id;
    private final BlockContext ctx;
    private final int bs;
    private final TreeMap<Long, Entry> blocks = new TreeMap<>();
    /** An overlay larger than this (or with more ranges) is merged into a dirty copy of its block. */
    private final int overlayMaxBytes;
    private static final int OVERLAY_MAX_RANGES = 512;
    /** The hole granularity {@link #allocated} aims at, see {@link #granule()}. */
    public static final int HOLE_GRANULE = 64 * 1024;
    private long size;
    private boolean deleted;
    /** Where the last read ended: a read starting there is sequential (read-ahead). Not persisted. */
    private long readCursor = -1;

    public PayloadMap(ByteString id, BlockContext ctx) {
        this.id = id;
        this.ctx = ctx;
        this.bs = ctx.blockSize();
        this.overlayMaxBytes = bs / 4;
    }

    public ByteString id() {
        return id;
    }

    public long size() {
        return size;
    }

    public boolean deleted() {
        return deleted;
    }

    /** Records a read of [offset, end); true when it continued the previous read (a sequential reader). */
    public boolean readAt(long offset, long end) {
        boolean sequential = offset == readCursor;
        readCursor = end;
        return sequential;
    }

    /** Hashes of the sealed blocks among the next {@code count} blocks after the one holding byte {@code pos}. */
    public List<io.dittofs.block.core.cas.BlockHash> sealedAfter(long pos, int count) {
        List<io.dittofs.block.core.cas.BlockHash> out = new ArrayList<>();
        long index = pos / bs;
        for (long i = index + 1; i <= index + count; i++) {
            Entry e = blocks.get(i);
            if (e instanceof Entry.Sealed s) {
                out.add(s.hash());
            } else if (e instanceof Entry.Patched p) {
                out.add(p.base().hash());
            }
        }
        return out;
    }

    public NavigableMap<Long, Entry> blocks() {
        return blocks;
    }

    /** Loads persisted state (checkpoint); references are counted by the caller. */
    public void restore(long restoredSize, Map<Long, Entry> entries) {
        this.size = restoredSize;
        blocks.putAll(entries);
    }

    // ---- entry bookkeeping -------------------------------------------------------------

    void set(long index, Entry entry) {
        Entry old = entry == null ? blocks.remove(index) : blocks.put(index, entry);
        release(old);
        if (entry instanceof Entry.Sealed s) {
            ctx.incref(s.hash());
        } else if (entry instanceof Entry.Dirty) {
            ctx.dirtyBlocks(1);
        } else if (entry instanceof Entry.Patched p) {
            ctx.incref(p.base().hash());
            ctx.overlayBytes(p.overlay().bytes());
        }
    }

    private void release(Entry old) {
        if (old instanceof Entry.Sealed s) {
            ctx.decref(s.hash());
        } else if (old instanceof Entry.Dirty) {
            ctx.dirtyBlocks(-1);
        } else if (old instanceof Entry.Patched p) {
            ctx.decref(p.base().hash());
            ctx.overlayBytes(-p.overlay().bytes());
        }
    }

    /** Replaces a dirty block by its sealed form (checkpoint). */
    public void seal(long index, Entry sealedOrZero) {
        set(index, sealedOrZero);
    }

    /** Ensures block index is Dirty, loading sealed content (and its overlay); returns its buffer. */
    private byte[] materialize(long index) throws IOException {
        Entry e = blocks.get(index);
        if (e instanceof Entry.Dirty d) {
            return d.data();
        }
        byte[] buf = e instanceof Entry.Patched ? merged(index) : new byte[bs];
        if (e instanceof Entry.Sealed s) {
            ctx.readSealed(s.hash(), 0, buf, 0, s.length());
        }
        set(index, new Entry.Dirty(buf));
        return buf;
    }

    /** The whole content of a patched block: its sealed base with the overlay on top (checkpoint, materialize). */
    public byte[] merged(long index) throws IOException {
        if (!(blocks.get(index) instanceof Entry.Patched p)) {
            throw new IllegalStateException("block " + index + " is not patched");
        }
        byte[] buf = new byte[bs];
        ctx.readSealed(p.base().hash(), 0, buf, 0, p.base().length());
        p.overlay().applyTo(0, buf, 0, bs);
        return buf;
    }

    private static boolean sealedOrPatched(Entry e) {
        return e instanceof Entry.Sealed || e instanceof Entry.Patched;
    }

    /** A write of n bytes into a sealed or patched block may go to its overlay (no read of the block). */
    private boolean fitsOverlay(Entry e, int n) {
        if (e instanceof Entry.Patched p) {
            return p.overlay().bytes() + n <= overlayMaxBytes && p.overlay().ranges() < OVERLAY_MAX_RANGES;
        }
        return e instanceof Entry.Sealed && n <= overlayMaxBytes;
    }

    private boolean partial(long index, long from, long to) {
        long start = index * bs;
        return from > start || to < start + bs;
    }

    // ---- write ------------------------------------------------------------------------

    public void prepareWrite(long offset, long length) throws IOException {
        if (length == 0) {
            return;
        }
        long first = offset / bs;
        long last = (offset + length - 1) / bs;
        long end = offset + length;
        if (partial(first, offset, end)) {
            prepareSmallWrite(first, (int) (Math.min(end, first * bs + bs) - offset));
        }
        if (last != first && partial(last, offset, end)) {
            prepareSmallWrite(last, (int) (end - last * bs));
        }
    }

    /** Whether {@link #prepareWrite} of this range would read a block (one outgrowing its overlay). */
    public boolean writeNeedsRead(long offset, long length) {
        if (length == 0) {
            return false;
        }
        long first = offset / bs;
        long last = (offset + length - 1) / bs;
        long end = offset + length;
        if (partial(first, offset, end) && needsRead(first, (int) (Math.min(end, first * bs + bs) - offset))) {
            return true;
        }
        return last != first && partial(last, offset, end) && needsRead(last, (int) (end - last * bs));
    }

    private boolean needsRead(long index, int n) {
        Entry e = blocks.get(index);
        return sealedOrPatched(e) && !fitsOverlay(e, n);
    }

    /** A partial write into sealed content goes to an overlay; only one that outgrew it reads the block. */
    private void prepareSmallWrite(long index, int n) throws IOException {
        if (needsRead(index, n)) {
            materialize(index);
        }
    }

    public void applyWrite(long offset, ByteBuffer data) throws IOException {
        if (!data.hasRemaining()) {
            return; // an empty write changes nothing, not even the size
        }
        ByteBuffer src = data.duplicate();
        long pos = offset;
        while (src.hasRemaining()) {
            long index = pos / bs;
            int inBlock = (int) (pos - index * bs);
            int n = Math.min(src.remaining(), bs - inBlock);
            byte[] buf;
            if (n == bs) {
                Entry e = blocks.get(index);
                buf = e instanceof Entry.Dirty d ? d.data() : new byte[bs];
                if (!(e instanceof Entry.Dirty)) {
                    set(index, new Entry.Dirty(buf));
                }
            } else {
                Entry e = blocks.get(index);
                if (e instanceof Entry.Sealed s) {
                    Entry.Patched p = new Entry.Patched(s, new Overlay());
                    set(index, p);
                    ctx.overlayBytes(p.overlay().put(inBlock, src, n));
                    pos += n;
                    continue;
                }
                if (e instanceof Entry.Patched p) {
                    ctx.overlayBytes(p.overlay().put(inBlock, src, n));
                    pos += n;
                    continue;
                }
                buf = materialize(index); // dirty already, or a hole/zero block: no read
            }
            src.get(buf, inBlock, n);
            pos += n;
        }
        size = Math.max(size, offset + data.remaining());
    }

    /**
     * Whole blocks from offset (a multiple of the block size) replaced by sealed blocks already
     * stored (or, for an empty element, by {@link Entry#ZERO}): whatever was there — dirty,
     * patched, sealed — is released. Cannot fail.
     */
    public void applyFullBlocks(long offset, List<java.util.Optional<io.dittofs.block.core.cas.BlockHash>> hashes) {
        long index = offset / bs;
        for (var h : hashes) {
            set(index++, h.<Entry>map(hash -> new Entry.Sealed(hash, bs)).orElse(Entry.ZERO));
        }
        size = Math.max(size, offset + (long) hashes.size() * bs);
    }

    // ---- read -------------------------------------------------------------------------

    /**
     * [offset, offset+length) lent instead of copied when it lies inside one sealed block's stored
     * bytes (the common case: a read within a block of committed data), else null (use
     * {@link #read}). Must lie within the size.
     */
    public ByteBuffer view(long offset, int length) throws IOException {
        long index = offset / bs;
        int inBlock = (int) (offset - index * bs);
        if (length <= 0 || inBlock + length > bs || !(blocks.get(index) instanceof Entry.Sealed s)
                || inBlock + length > s.length()) {
            return null;
        }
        return ctx.viewSealed(s.hash(), inBlock, length);
    }

    /**
     * [offset, offset+length) when memory alone answers it, else null (then use {@link #view} /
     * {@link #read}, which may do I/O). Inside one sealed block the resident bytes are lent; otherwise
     * they are copied from dirty blocks, holes, zero blocks, and sealed or patched blocks whose
     * touched bytes are resident ({@link BlockContext#residentSealed}), overlays applied. Must lie
     * within the size.
     */
    public ByteBuffer residentRead(long offset, int length) {
        if (length <= 0) {
            return ByteBuffer.allocate(0);
        }
        long index = offset / bs;
        int inBlock = (int) (offset - index * bs);
        if (inBlock + length <= bs && blocks.get(index) instanceof Entry.Sealed s && inBlock + length <= s.length()) {
            return ctx.residentSealed(s.hash(), inBlock, length);
        }
        byte[] dst = new byte[length];
        int done = 0;
        while (done < length) {
            long pos = offset + done;
            index = pos / bs;
            inBlock = (int) (pos - index * bs);
            int n = Math.min(length - done, bs - inBlock);
            Entry e = blocks.get(index);
            Entry.Sealed base = e instanceof Entry.Sealed s ? s : e instanceof Entry.Patched p ? p.base() : null;
            if (e instanceof Entry.Dirty d) {
                System.arraycopy(d.data(), inBlock, dst, done, n);
            } else if (base != null) {
                int avail = Math.max(0, Math.min(n, base.length() - inBlock));
                if (avail > 0) {
                    ByteBuffer v = ctx.residentSealed(base.hash(), inBlock, avail);
                    if (v == null) {
                        return null;
                    }
                    v.get(dst, done, avail);
                }
                // the rest of dst is zeros already (a fresh array): past a short block reads as zeros
                if (e instanceof Entry.Patched p) {
                    p.overlay().applyTo(inBlock, dst, done, n);
                }
            }
            // a hole or a Zero entry: the fresh array's zeros
            done += n;
        }
        return ByteBuffer.wrap(dst);
    }

    /** Reads [offset, offset+dst.length) which must lie within the size; holes read as zeros. */
    public void read(long offset, byte[] dst) throws IOException {
        int done = 0;
        while (done < dst.length) {
            long pos = offset + done;
            long index = pos / bs;
            int inBlock = (int) (pos - index * bs);
            int n = Math.min(dst.length - done, bs - inBlock);
            Entry e = blocks.get(index);
            if (e instanceof Entry.Dirty d) {
                System.arraycopy(d.data(), inBlock, dst, done, n);
            } else if (e instanceof Entry.Sealed s) {
                int avail = Math.max(0, Math.min(n, s.length() - inBlock));
                if (avail > 0) {
                    copySealed(s, inBlock, dst, done, avail);
                }
                Arrays.fill(dst, done + avail, done + n, (byte) 0);
            } else if (e instanceof Entry.Patched p) {
                int avail = Math.max(0, Math.min(n, p.base().length() - inBlock));
                if (avail > 0) {
                    copySealed(p.base(), inBlock, dst, done, avail);
                }
                Arrays.fill(dst, done + avail, done + n, (byte) 0);
                p.overlay().applyTo(inBlock, dst, done, n);
            } else {
                Arrays.fill(dst, done, done + n, (byte) 0);
            }
            done += n;
        }
    }

    /**
     * Copies from the block's mapping when the tier lends one (no pread per read, and the block is
     * then mapped for {@link #residentRead}), else reads it.
     */
    private void copySealed(Entry.Sealed s, int inBlock, byte[] dst, int off, int len) throws IOException {
        ByteBuffer v = ctx.viewSealed(s.hash(), inBlock, len);
        if (v != null) {
            v.get(dst, off, len);
        } else {
            ctx.readSealed(s.hash(), inBlock, dst, off, len);
        }
    }

    // ---- truncate ---------------------------------------------------------------------

    public void prepareTruncate(long newSize) throws IOException {
        if (newSize < size && newSize % bs != 0) {
            long index = newSize / bs;
            Entry e = blocks.get(index);
            if (e instanceof Entry.Sealed s && s.length() > newSize - index * bs || e instanceof Entry.Patched) {
                materialize(index);
            }
        }
    }

    public void applyTruncate(long newSize) throws IOException {
        if (newSize < size) {
            long firstGone = (newSize + bs - 1) / bs;
            for (Long index : new ArrayList<>(blocks.tailMap(firstGone, true).keySet())) {
                set(index, null);
            }
            zeroTail(newSize);
        }
        size = newSize;
    }

    private void zeroTail(long from) throws IOException {
        long index = from / bs;
        int inBlock = (int) (from - index * bs);
        if (inBlock != 0 && blocks.get(index) instanceof Entry.Dirty d) {
            Arrays.fill(d.data(), inBlock, bs, (byte) 0);
        } else if (inBlock != 0 && (blocks.get(index) instanceof Entry.Sealed s && s.length() > inBlock
                || blocks.get(index) instanceof Entry.Patched)) {
            Arrays.fill(materialize(index), inBlock, bs, (byte) 0);
        }
    }

    // ---- allocate / deallocate -------------------------------------------------------

    public void applyAllocate(long offset, long length) {
        if (length == 0) {
            return;
        }
        for (long i = offset / bs; i <= (offset + length - 1) / bs; i++) {
            blocks.putIfAbsent(i, Entry.ZERO);
        }
        size = Math.max(size, offset + length);
    }

    public void prepareDeallocate(long offset, long length) throws IOException {
        long end = Math.min(size, offset + length);
        if (end <= offset) {
            return;
        }
        for (long index : new long[] {offset / bs, (end - 1) / bs}) {
            if (partial(index, offset, end) && sealedOrPatched(blocks.get(index))) {
                materialize(index);
            }
        }
    }

    public void applyDeallocate(long offset, long length) throws IOException {
        long end = Math.min(size, offset + length);
        long pos = offset;
        while (pos < end) {
            long index = pos / bs;
            long blockStart = index * bs;
            long to = Math.min(end, blockStart + bs);
            boolean wholeBlock = pos == blockStart && (to == blockStart + bs || to >= size);
            if (wholeBlock) {
                set(index, null);
            } else if (blocks.get(index) instanceof Entry.Dirty || sealedOrPatched(blocks.get(index))) {
                byte[] buf = materialize(index);
                Arrays.fill(buf, (int) (pos - blockStart), (int) (to - blockStart), (byte) 0);
                if (dataMask(buf, bs, bs) == 0) {
                    set(index, null); // nothing but zeros left: a hole, not a block of zeros
                }
            }
            pos = to;
        }
    }

    // ---- clone ------------------------------------------------------------------------

    /**
     * Shares whole blocks of source into this map by reference, from block srcIndex to dstIndex,
     * count blocks. Dirty source blocks are copied (they have no hash yet).
     */
    public void shareBlocks(PayloadMap source, long srcIndex, long dstIndex, long count) {
        List<Entry> taken = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            Entry e = source.blocks.get(srcIndex + i);
            taken.add(switch (e) {
                case Entry.Dirty d -> new Entry.Dirty(d.data().clone());
                case Entry.Patched p -> new Entry.Patched(p.base(), p.overlay().copy());
                case null, default -> e;
            });
        }
        for (int i = 0; i < taken.size(); i++) {
            set(dstIndex + i, taken.get(i));
        }
    }

    public void extendTo(long newSize) {
        size = Math.max(size, newSize);
    }

    // ---- queries ----------------------------------------------------------------------

    /**
     * Ranges that may hold nonzero data (MS-FSCC 2.3.41's wording) or are reserved, within
     * [offset, end), merged. Finer than a block: a block is looked at in {@link #granule()} pieces
     * and a piece whose bytes are all zero is reported as a hole, because a punched range inside a
     * block (deallocate zeroes it) and a never-written part of a written block both read as zeros
     * and clients (SMB QUERY_ALLOCATED_RANGES, NFS READ_PLUS) use the answer to skip them. For the
     * same reason a {@link Entry.Zero} block (reserved, or written as zeros) is not reported: the
     * answer must not depend on whether a checkpoint has turned a dirty block of zeros into one.
     * {@link #seek} and {@link #allocatedBytes} still count such blocks as allocated space.
     */
    public List<long[]> allocated(long offset, long end, int max, boolean[] truncated) throws IOException {
        List<long[]> out = new ArrayList<>();
        long stop = Math.min(end, size);
        if (offset >= stop) {
            return out;
        }
        int g = granule();
        long[] cur = null;
        for (Map.Entry<Long, Entry> me : blocks.tailMap(offset / bs, true).entrySet()) {
            long blockStart = me.getKey() * bs;
            if (Math.max(offset, blockStart) >= stop) {
                break;
            }
            long mask = dataMask(me.getValue(), g);
            for (int piece = 0; piece < bs / g; piece++) {
                if ((mask & (1L << piece)) == 0) {
                    continue;
                }
                long start = Math.max(offset, blockStart + (long) piece * g);
                long to = Math.min(stop, blockStart + (long) (piece + 1) * g);
                if (start >= to) {
                    continue;
                }
                if (cur != null && cur[1] == start) {
                    cur[1] = to;
                } else {
                    if (out.size() == max) {
                        truncated[0] = true;
                        return out;
                    }
                    cur = new long[] {start, to};
                    out.add(cur);
                }
            }
        }
        return out;
    }

    /**
     * The piece size {@link #allocated} looks at: 64 KiB (the unit NTFS deallocates in, which SMB
     * clients expect), at least 1/64 of a block so a block's pieces fit one {@code long} mask, at
     * most the block.
     */
    public int granule() {
        return Math.min(bs, Math.max(HOLE_GRANULE, bs / 64));
    }

    /** Bit i set = piece i of the entry's block may hold nonzero data. */
    private long dataMask(Entry e, int g) throws IOException {
        return switch (e) {
            case Entry.Zero z -> 0;
            case Entry.Dirty d -> dataMask(d.data(), bs, g);
            case Entry.Sealed s -> ctx.sealedDataMask(s.hash(), s.length(), g);
            case Entry.Patched p -> {
                long[] m = {ctx.sealedDataMask(p.base().hash(), p.base().length(), g)};
                // written bytes count as data without looking at them: the answer may over-report
                p.overlay().forEachRange((off, len) -> {
                    for (int i = off / g; i <= (off + len - 1) / g; i++) {
                        m[0] |= 1L << i;
                    }
                });
                yield m[0];
            }
        };
    }

    /** Bit i set = bytes [i*g, (i+1)*g) of data[0, length) hold a nonzero byte. */
    public static long dataMask(byte[] data, int length, int g) {
        long mask = 0;
        for (int i = 0; (long) i * g < length; i++) {
            int to = (int) Math.min(length, (long) (i + 1) * g);
            for (int b = i * g; b < to; b++) {
                if (data[b] != 0) {
                    mask |= 1L << i;
                    break;
                }
            }
        }
        return mask;
    }

    /** SEEK_DATA (data=true) / SEEK_HOLE from offset; -1 = no such position before the end. */
    public long seek(long offset, boolean data) {
        if (offset >= size) {
            return -1;
        }
        long index = offset / bs;
        if (data) {
            Long next = blocks.ceilingKey(index);
            if (next == null) {
                return -1;
            }
            long pos = Math.max(offset, next * bs);
            return pos < size ? pos : -1;
        }
        while (blocks.containsKey(index)) {
            index++;
        }
        return Math.min(size, Math.max(offset, index * bs));
    }

    public long allocatedBytes() {
        long total = 0;
        for (long index : blocks.keySet()) {
            total += Math.max(0, Math.min(bs, size - index * bs));
        }
        return total;
    }

    /** Drops every entry (Delete); the caller already removed the map from the table. */
    public void clear() {
        for (Long index : new ArrayList<>(blocks.keySet())) {
            set(index, null);
        }
        size = 0;
        deleted = true;
    }
}
