package io.dittofs.gateway.fs.model;

import java.util.Arrays;

/** Names a regular file's content object in the block-service (assigned by the namespace). */
public final class ContentId {

    private final byte[] bytes;

    private ContentId(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ContentId of(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a content id is never empty");
        }
        return new ContentId(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentId c && Arrays.equals(bytes, c.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
