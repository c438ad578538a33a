package io.dittofs.block.core;

import java.nio.ByteBuffer;
import java.util.List;

/** Immutable results of engine operations. */
public final class Results {

    private Results() {
    }

    /** @param buffer read-only, the bytes read; may be a view lent by the local tier (never written to) */
    public record Read(ByteBuffer buffer, boolean eof, long size) {

        /** A copy of the bytes read. */
        public byte[] data() {
            byte[] b = new byte[buffer.remaining()];
            buffer.duplicate().get(b);
            return b;
        }

        public int length() {
            return buffer.remaining();
        }
    }

    public record Write(long count, long size, boolean stable) {
    }

    public record Seek(long offset, boolean eof) {
    }

    public record Range(long offset, long length) {
    }

    public record Allocated(List<Range> ranges, boolean truncated) {
    }

    public record Stat(long size, long allocatedBytes, boolean fullySynced) {
    }
}
