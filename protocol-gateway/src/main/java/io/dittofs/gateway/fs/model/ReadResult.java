package io.dittofs.gateway.fs.model;

import java.nio.ByteBuffer;

/**
 * Bytes read and the attributes they were read under.
 *
 * @param data read-only, positioned at the first byte
 */
public record ReadResult(FsStatus status, FileAttr attr, ByteBuffer data, boolean eof) {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    public static ReadResult failed(FsStatus status, FileAttr attr) {
        return new ReadResult(status, attr, EMPTY.duplicate(), false);
    }

    public static ReadResult empty(FileAttr attr, boolean eof) {
        return new ReadResult(FsStatus.OK, attr, EMPTY.duplicate(), eof);
    }
}
