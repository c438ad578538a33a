package io.dittofs.metadata.spi;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One pending entry of the content outbox: the block-service must cut the payload to
 * {@code size} bytes, or delete it when {@code size} is {@link #DELETE}. Written in the same
 * transaction as the namespace change that released the content (REMOVE or RENAME over the last
 * link, SETATTR shrink), so a crash can never lose it; removed once the block-service applied it.
 *
 * <p>One entry per payload: a later release of the same payload merges by keeping the smaller
 * size ({@code DELETE} is -1, the smallest), because applying a cut to the smaller size also
 * applies every larger one.
 */
public record Release(byte[] payloadId, long size) {

    public static final long DELETE = -1;

    public Release {
        payloadId = payloadId.clone();
        if (size < DELETE) {
            throw new IllegalArgumentException("release size " + size);
        }
    }

    public boolean delete() {
        return size == DELETE;
    }

    @Override
    public byte[] payloadId() {
        return payloadId.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Release r && r.size == size && Arrays.equals(r.payloadId, payloadId);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payloadId) * 31 + Long.hashCode(size);
    }

    @Override
    public String toString() {
        return (delete() ? "delete " : "truncate to " + size + " of ") + HexFormat.of().formatHex(payloadId);
    }
}
