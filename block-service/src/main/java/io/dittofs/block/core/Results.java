package io.dittofs.block.core;

import java.util.List;

/** Immutable results of engine operations. */
public final class Results {

    private Results() {
    }

    public record Read(byte[] data, boolean eof, long size) {
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
