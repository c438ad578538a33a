package io.dittofs.gateway.fs.model;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An opaque, stable file handle (1..64 bytes). Byte 0 is the layout version, bytes 1..4 the id of
 * the share the object belongs to; only the metadata-service interprets the rest.
 */
public final class Handle {

    public static final int MAX_BYTES = 64;
    private static final int LAYOUT_VERSION = 1;
    private static final int HEADER_BYTES = 5;

    /** A well-formed but empty handle from the wire: no share, every service answers BADHANDLE. */
    public static final Handle EMPTY = new Handle(new byte[0]);

    private final byte[] bytes;

    private Handle(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wire bytes; callers validate the length first (an empty or oversized handle is BADHANDLE). */
    public static Handle of(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("file handle must be 1.." + MAX_BYTES + " bytes, got " + bytes.length);
        }
        return new Handle(bytes.clone());
    }

    /** The share id in bytes 1..4, or -1 when the handle has an unknown layout (BADHANDLE). */
    public long shareId() {
        if (bytes.length < HEADER_BYTES || (bytes[0] & 0xff) != LAYOUT_VERSION) {
            return -1;
        }
        return ((bytes[1] & 0xffL) << 24) | ((bytes[2] & 0xffL) << 16) | ((bytes[3] & 0xffL) << 8) | (bytes[4] & 0xffL);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Handle h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Handle[" + HexFormat.of().formatHex(bytes) + "]";
    }
}
