package io.dittofs.block.local.fs;

import io.dittofs.block.local.Journal;
import io.dittofs.block.local.NoSpaceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The WAL device of the fs tier: one file, gathering writes, fdatasync. A recycled file keeps its
 * length: {@code end} is where the current generation ends, {@code physical} how long the file is
 * (what the quota is charged for).
 *
 * <p>Small records are gathered in a buffer and reach the file in one write when it fills or when
 * the log is forced (or read, cut, closed): a 4 KiB UNSTABLE write then costs a copy, not a system
 * call. Nothing a stable answer depends on waits in it, because every force writes it out first.
 * What a crash of the process loses from it is a tail of records never forced — UNSTABLE writes,
 * which the write verifier (new at every start) makes clients send again — and the log stays a
 * prefix of what was appended, as after a crash that tears the file's tail.
 */
final class FsJournal implements Journal, AutoCloseable {

    /** Records up to this size are gathered; larger ones go straight to the file. */
    static final int BUFFER_BYTES = 256 * 1024;

    private final FileChannel channel;
    private final FsQuota quota;
    /** Appended records not yet in the file; they end at {@code end}. */
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private long end;
    private long physical;
    /**
     * The channel's file position when known (-1 otherwise): an append continues where the last
     * one ended, so it needs no lseek(2) before its writev(2) — one system call per record.
     */
    private long filePosition = -1;

    FsJournal(Path file, FsQuota quota) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.quota = quota;
        this.end = channel.size();
        this.physical = end;
        quota.add(physical);
    }

    @Override
    public synchronized long append(ByteBuffer... parts) throws IOException {
        long total = 0;
        for (ByteBuffer p : parts) {
            total += p.remaining();
        }
        if (total > buffer.remaining()) {
            writeBuffer(); // before this record: the file keeps the order of appends
        }
        long start = end;
        long grow = Math.max(0, start + total - physical);
        quota.reserve(grow, "write-ahead log");
        physical += grow;
        if (total <= buffer.remaining()) {
            for (ByteBuffer p : parts) {
                buffer.put(p.duplicate());
            }
            end = start + total;
            return start;
        }
        try {
            long written = 0;
            while (written < total) {
                if (filePosition != start + written) {
                    channel.position(start + written);
                }
                written += channel.write(parts);
                filePosition = start + written;
            }
        } catch (IOException e) {
            filePosition = -1;
            // Leave no torn tail behind a failed append: the next record must start where this one did.
            try {
                truncate(start);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw NoSpaceException.isNoSpace(e) ? new NoSpaceException("local tier full: " + e.getMessage()) : e;
        }
        end = start + total;
        return start;
    }

    /**
     * Writes the gathered records where they belong. On failure they stay gathered (a later force
     * writes them again over whatever part reached the file) and the failure is thrown: a force
     * never reports durable what is not in the file.
     */
    private void writeBuffer() throws IOException {
        if (buffer.position() == 0) {
            return;
        }
        ByteBuffer out = buffer.duplicate().flip();
        long at = end - out.remaining();
        try {
            while (out.hasRemaining()) {
                channel.write(out, at + out.position());
            }
        } catch (IOException e) {
            throw NoSpaceException.isNoSpace(e) ? new NoSpaceException("local tier full: " + e.getMessage()) : e;
        }
        buffer.clear(); // positional writes leave the channel's position (filePosition) as it was
    }

    @Override
    public synchronized long appendWithoutIo(ByteBuffer... parts) throws IOException {
        long total = 0;
        for (ByteBuffer p : parts) {
            total += p.remaining();
        }
        return total <= buffer.remaining() ? append(parts) : -1;
    }

    private void truncate(long length) throws IOException {
        channel.truncate(length);
        if (physical > length) {
            quota.release(physical - length);
            physical = length;
        }
    }

    @Override
    public void force() throws IOException {
        synchronized (this) {
            writeBuffer();
        }
        // outside the monitor: appends go on while the disk syncs (group commit, WriteAheadLog.sync)
        channel.force(false);
    }

    @Override
    public synchronized long size() {
        return end;
    }

    @Override
    public int read(long position, ByteBuffer dst) throws IOException {
        synchronized (this) {
            writeBuffer();
        }
        return channel.read(dst, position);
    }

    @Override
    public synchronized void reset() throws IOException {
        buffer.clear(); // the checkpoint before a reset made every record redundant
        filePosition = -1; // truncate moves it to 0 only when it was further
        truncate(0);
        channel.force(true);
        end = 0;
    }

    @Override
    public synchronized void recycle() {
        buffer.clear();
        filePosition = -1;
        end = 0;
    }

    @Override
    public synchronized void cut(long newEnd) throws IOException {
        if (newEnd < 0 || newEnd > physical) {
            throw new IllegalArgumentException("cut at " + newEnd + " outside the log's " + physical + " bytes");
        }
        writeBuffer();
        filePosition = -1;
        truncate(newEnd);
        channel.force(true);
        end = newEnd;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            writeBuffer();
        } finally {
            channel.close();
        }
    }
}
