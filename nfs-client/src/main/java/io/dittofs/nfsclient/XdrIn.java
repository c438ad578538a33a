package io.dittofs.nfsclient;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads XDR replies; a short or lying reply is an {@link RpcException}, never a huge allocation. */
public final class XdrIn {

    private final ByteBuffer buf;

    public XdrIn(byte[] b) {
        this.buf = ByteBuffer.wrap(b);
    }

    public int remaining() {
        return buf.remaining();
    }

    public int readInt() {
        try {
            return buf.getInt();
        } catch (BufferUnderflowException e) {
            throw new RpcException("truncated reply");
        }
    }

    public long readLong() {
        try {
            return buf.getLong();
        } catch (BufferUnderflowException e) {
            throw new RpcException("truncated reply");
        }
    }

    public long readUnsignedInt() {
        return readInt() & 0xffffffffL;
    }

    public boolean readBool() {
        return readInt() != 0;
    }

    public byte[] readFixed(int n) {
        if (n < 0 || n > buf.remaining()) {
            throw new RpcException("opaque of " + n + " bytes exceeds the " + buf.remaining() + " left");
        }
        byte[] b = new byte[n];
        buf.get(b);
        buf.position(Math.min(buf.limit(), buf.position() + ((4 - (n & 3)) & 3)));
        return b;
    }

    public byte[] readOpaque() {
        long n = readUnsignedInt();
        if (n > buf.remaining()) {
            throw new RpcException("opaque of " + n + " bytes exceeds the " + buf.remaining() + " left");
        }
        return readFixed((int) n);
    }

    public String readString() {
        return new String(readOpaque(), StandardCharsets.UTF_8);
    }
}
