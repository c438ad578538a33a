package io.dittofs.block.core.blockmap;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bytes written into one sealed block since the last checkpoint, kept as non-overlapping
 * ranges (offset within the block → bytes) instead of a copy of the whole block: a small write
 * into sealed content then needs no read of the block (no read-modify-write of a whole block per
 * 4 KiB). The sealed block plus the overlay is the content; the checkpoint merges them into a new
 * sealed block. The bytes themselves are also in the write-ahead log, which is what makes them
 * durable; the overlay is their in-memory index. Callers hold the payload's monitor.
 */
public final class Overlay {

    private final TreeMap<Integer, byte[]> ranges = new TreeMap<>();
    private long bytes;

    /** Bytes held (counted against the engine's dirty limit). */
    public long bytes() {
        return bytes;
    }

    public int ranges() {
        return ranges.size();
    }

    /** Writes n bytes from src at off (within the block); later writes win where they overlap. */
    long put(int off, ByteBuffer src, int n) {
        long before = bytes;
        int end = off + n;
        Map.Entry<Integer, byte[]> left = ranges.lowerEntry(off);
        if (left != null && left.getKey() + left.getValue().length > off) {
            cut(left.getKey(), left.getValue(), off, end);
        }
        // each cut removes a range starting in [off, end) and adds back at most its tail at end
        for (Map.Entry<Integer, byte[]> e = ranges.ceilingEntry(off); e != null && e.getKey() < end;
                e = ranges.ceilingEntry(off)) {
            cut(e.getKey(), e.getValue(), off, end);
        }
        byte[] data = new byte[n];
        src.get(data);
        ranges.put(off, data);
        bytes += n;
        return bytes - before;
    }

    /** Removes [from, to) from the range starting at start, keeping what lies outside it. */
    private void cut(int start, byte[] data, int from, int to) {
        ranges.remove(start);
        bytes -= data.length;
        int end = start + data.length;
        if (start < from) {
            byte[] head = java.util.Arrays.copyOf(data, from - start);
            ranges.put(start, head);
            bytes += head.length;
        }
        if (end > to) {
            byte[] tail = java.util.Arrays.copyOfRange(data, to - start, data.length);
            ranges.put(to, tail);
            bytes += tail.length;
        }
    }

    /** Copies the overlay's bytes within [pos, pos+len) of the block over dst[off...]. */
    void applyTo(int pos, byte[] dst, int off, int len) {
        int end = pos + len;
        Map.Entry<Integer, byte[]> first = ranges.lowerEntry(pos);
        Integer from = first != null && first.getKey() + first.getValue().length > pos ? first.getKey() : Integer.valueOf(pos);
        for (Map.Entry<Integer, byte[]> e : ranges.subMap(from, true, end, false).entrySet()) {
            int s = Math.max(pos, e.getKey());
            int t = Math.min(end, e.getKey() + e.getValue().length);
            if (s < t) {
                System.arraycopy(e.getValue(), s - e.getKey(), dst, off + (s - pos), t - s);
            }
        }
    }

    /** Highest byte written + 1 (the block's content length is at least this). */
    int end() {
        Map.Entry<Integer, byte[]> last = ranges.lastEntry();
        return last == null ? 0 : last.getKey() + last.getValue().length;
    }

    /** Visits each range as (offset within the block, length), in offset order. */
    void forEachRange(java.util.function.BiConsumer<Integer, Integer> visitor) {
        ranges.forEach((off, data) -> visitor.accept(off, data.length));
    }

    Overlay copy() {
        Overlay o = new Overlay();
        for (Map.Entry<Integer, byte[]> e : ranges.entrySet()) {
            o.ranges.put(e.getKey(), e.getValue().clone());
        }
        o.bytes = bytes;
        return o;
    }
}
