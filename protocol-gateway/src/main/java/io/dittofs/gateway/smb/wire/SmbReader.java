package io.dittofs.gateway.smb.wire;

import java.nio.charset.StandardCharsets;

/**
 * Bounded little-endian reader over a region of a byte array. Every read checks the region's end
 * and every offset taken from the message is checked against the region before use, so a decoder
 * built on it never reads outside the bytes it was given.
 */
public final class SmbReader {

    private final byte[] buf;
    private final int start;
    private final int end;
    private int pos;

    public SmbReader(byte[] buf, int start, int end) {
        if (start < 0 || end > buf.length || start > end) {
            throw new IllegalArgumentException("region " + start + ".." + end + " outside " + buf.length + " bytes");
        }
        this.buf = buf;
        this.start = start;
        this.end = end;
        this.pos = start;
    }

    public static SmbReader of(byte[] buf) {
        return new SmbReader(buf, 0, buf.length);
    }

    /** Position relative to the region's start. */
    public int position() {
        return pos - start;
    }

    public int remaining() {
        return end - pos;
    }

    public int length() {
        return end - start;
    }

    public void seek(int relative) throws WireException {
        if (relative < 0 || relative > end - start) {
            throw new WireException("offset " + relative + " outside " + (end - start) + " bytes");
        }
        pos = start + relative;
    }

    private void need(int n) throws WireException {
        if (n < 0 || end - pos < n) {
            throw new WireException("need " + n + " bytes at " + position() + ", have " + remaining());
        }
    }

    public int u8() throws WireException {
        need(1);
        return buf[pos++] & 0xff;
    }

    public int u16() throws WireException {
        need(2);
        int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8;
        pos += 2;
        return v;
    }

    public int i32() throws WireException {
        need(4);
        int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16 | (buf[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    /** An unsigned 32-bit value. */
    public long u32() throws WireException {
        return i32() & 0xffffffffL;
    }

    public long i64() throws WireException {
        long lo = u32();
        long hi = u32();
        return lo | hi << 32;
    }

    public byte[] bytes(int n) throws WireException {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    public void skip(int n) throws WireException {
        need(n);
        pos += n;
    }

    /**
     * Bytes at an offset and length taken from the message, both relative to {@code base} (for SMB2
     * bodies: the header start). Reading position does not move.
     */
    public byte[] slice(int base, long offset, long length) throws WireException {
        if (length == 0) {
            return new byte[0];
        }
        long from = (long) base + offset;
        if (offset < 0 || length < 0 || from < 0 || from + length > end - start) {
            throw new WireException("field at " + offset + "+" + length + " outside " + (end - start) + " bytes");
        }
        byte[] out = new byte[(int) length];
        System.arraycopy(buf, start + (int) from, out, 0, (int) length);
        return out;
    }

    public static String utf16(byte[] b) throws WireException {
        if ((b.length & 1) != 0) {
            throw new WireException("UTF-16 string of odd length " + b.length);
        }
        return new String(b, StandardCharsets.UTF_16LE);
    }
}
