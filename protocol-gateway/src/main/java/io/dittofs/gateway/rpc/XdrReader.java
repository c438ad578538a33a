package io.dittofs.gateway.rpc;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reads XDR (RFC 4506) from a ByteBuf. Every length from the wire is checked against both its
 * protocol maximum and the bytes actually present before anything is allocated.
 */
public final class XdrReader {

    private final ByteBuf buf;

    public XdrReader(ByteBuf buf) {
        this.buf = buf;
    }

    public int readableBytes() {
        return buf.readableBytes();
    }

    private void need(long n) throws XdrException {
        if (n < 0 || buf.readableBytes() < n) {
            throw new XdrException("truncated XDR: need " + n + " bytes, have " + buf.readableBytes());
        }
    }

    public int readInt() throws XdrException {
        need(4);
        return buf.readInt();
    }

    public long readUnsignedInt() throws XdrException {
        return readInt() & 0xffffffffL;
    }

    public long readLong() throws XdrException {
        need(8);
        return buf.readLong();
    }

    public boolean readBool() throws XdrException {
        int v = readInt();
        if (v != 0 && v != 1) {
            throw new XdrException("bad XDR bool " + v);
        }
        return v == 1;
    }

    /** An enum restricted to {@code [0, max]}. */
    public int readEnum(int max) throws XdrException {
        int v = readInt();
        if (v < 0 || v > max) {
            throw new XdrException("enum value " + v + " out of range 0.." + max);
        }
        return v;
    }

    public byte[] readFixedOpaque(int len) throws XdrException {
        need(len + pad(len));
        byte[] b = new byte[len];
        buf.readBytes(b);
        buf.skipBytes(pad(len));
        return b;
    }

    /** Variable-length opaque of at most {@code max} bytes. */
    public byte[] readOpaque(int max) throws XdrException {
        long len = readUnsignedInt();
        if (len > max) {
            throw new XdrException("opaque length " + len + " exceeds " + max);
        }
        return readFixedOpaque((int) len);
    }

    /** Variable-length opaque as a slice of the input (no copy); valid while the input is. */
    public ByteBuf readOpaqueSlice(int max) throws XdrException {
        long len = readUnsignedInt();
        if (len > max) {
            throw new XdrException("opaque length " + len + " exceeds " + max);
        }
        need(len + pad((int) len));
        ByteBuf slice = buf.readSlice((int) len);
        buf.skipBytes(pad((int) len));
        return slice;
    }

    public String readString(int max) throws XdrException {
        return new String(readOpaque(max), StandardCharsets.UTF_8);
    }

    public void skip(int n) throws XdrException {
        need(n);
        buf.skipBytes(n);
    }

    static int pad(int len) {
        return (4 - (len & 3)) & 3;
    }
}
