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
 */
final class FsJournal implements Journal, AutoCloseable {

    private final FileChannel channel;
    private final FsQuota quota;
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
        long start = end;
        long grow = Math.max(0, start + total - physical);
        quota.reserve(grow, "write-ahead log");
        physical += grow;
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

    private void truncate(long length) throws IOException {
        channel.truncate(length);
        if (physical > length) {
            quota.release(physical - length);
            physical = length;
        }
    }

    @Override
    public void force() throws IOException {
        channel.force(false);
    }

    @Override
    public synchronized long size() {
        return end;
    }

    @Override
    public int read(long position, ByteBuffer dst) throws IOException {
        return channel.read(dst, position);
    }

    @Override
    public synchronized void reset() throws IOException {
        filePosition = -1; // truncate moves it to 0 only when it was further
        truncate(0);
        channel.force(true);
        end = 0;
    }

    @Override
    public synchronized void recycle() {
        filePosition = -1;
        end = 0;
    }

    @Override
    public synchronized void cut(long newEnd) throws IOException {
        if (newEnd < 0 || newEnd > physical) {
            throw new IllegalArgumentException("cut at " + newEnd + " outside the log's " + physical + " bytes");
        }
        filePosition = -1;
        truncate(newEnd);
        channel.force(true);
        end = newEnd;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
