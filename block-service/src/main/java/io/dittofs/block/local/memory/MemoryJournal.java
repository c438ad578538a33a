package io.dittofs.block.local.memory;

import io.dittofs.block.local.Journal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Journal in the heap, kept as appended chunks so a 4 MiB append costs one copy. */
final class MemoryJournal implements Journal {

    private final MemoryLocalStore owner;
    private final List<byte[]> chunks = new ArrayList<>();
    private final List<Long> starts = new ArrayList<>();
    private long end;

    MemoryJournal(MemoryLocalStore owner) {
        this.owner = owner;
    }

    /** Appending is a copy into the heap here: never I/O. */
    @Override
    public long appendWithoutIo(ByteBuffer... parts) throws java.io.IOException {
        return append(parts);
    }

    @Override
    public synchronized long append(ByteBuffer... parts) throws java.io.IOException {
        long total = 0;
        for (ByteBuffer p : parts) {
            total += p.remaining();
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new java.io.IOException("journal record too large: " + total);
        }
        owner.reserve(total, "write-ahead log");
        byte[] chunk = new byte[(int) total];
        int pos = 0;
        for (ByteBuffer p : parts) {
            int n = p.remaining();
            p.duplicate().get(chunk, pos, n);
            p.position(p.limit());
            pos += n;
        }
        long start = end;
        chunks.add(chunk);
        starts.add(start);
        end += total;
        return start;
    }

    @Override
    public void force() {
        // the heap is as durable as it gets
    }

    @Override
    public synchronized long size() {
        return end;
    }

    @Override
    public synchronized int read(long position, ByteBuffer dst) {
        if (position >= end) {
            return -1;
        }
        int idx = java.util.Collections.binarySearch(starts, position);
        if (idx < 0) {
            idx = -idx - 2;
        }
        int total = 0;
        long pos = position;
        while (dst.hasRemaining() && idx < chunks.size()) {
            byte[] c = chunks.get(idx);
            int off = (int) (pos - starts.get(idx));
            int n = Math.min(dst.remaining(), c.length - off);
            dst.put(c, off, n);
            total += n;
            pos += n;
            idx++;
        }
        return total;
    }

    @Override
    public synchronized void cut(long newEnd) {
        if (newEnd < 0 || newEnd > end) {
            throw new IllegalArgumentException("cut at " + newEnd + " outside the log's " + end + " bytes");
        }
        while (!chunks.isEmpty() && starts.get(starts.size() - 1) >= newEnd) {
            chunks.remove(chunks.size() - 1);
            starts.remove(starts.size() - 1);
        }
        if (!chunks.isEmpty()) {
            int last = chunks.size() - 1;
            int keep = (int) (newEnd - starts.get(last));
            if (keep < chunks.get(last).length) {
                chunks.set(last, java.util.Arrays.copyOf(chunks.get(last), keep));
            }
        }
        owner.release(end - newEnd);
        end = newEnd;
    }

    @Override
    public synchronized void reset() {
        owner.release(end);
        chunks.clear();
        starts.clear();
        end = 0;
    }
}
