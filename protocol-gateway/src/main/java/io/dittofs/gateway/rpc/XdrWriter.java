package io.dittofs.gateway.rpc;

import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes XDR (RFC 4506) into a ByteBuf. */
public final class XdrWriter {

    private static final byte[] ZEROS = new byte[4];
    /** From this size on an opaque grows the buffer to fit exactly (see {@link #writeOpaque(ByteBuffer)}). */
    private static final int EXACT_GROWTH = 16 * 1024;
    /** Room left after such an opaque for what may follow it (later results of a compound, a checksum). */
    private static final int TRAILER_ROOM = 256;
    private final ByteBuf buf;

    public XdrWriter(ByteBuf buf) {
        this.buf = buf;
    }

    public ByteBuf buffer() {
        return buf;
    }

    public XdrWriter writeInt(int v) {
        buf.writeInt(v);
        return this;
    }

    public XdrWriter writeLong(long v) {
        buf.writeLong(v);
        return this;
    }

    public XdrWriter writeBool(boolean v) {
        buf.writeInt(v ? 1 : 0);
        return this;
    }

    public XdrWriter writeFixedOpaque(byte[] b) {
        buf.writeBytes(b);
        buf.writeBytes(ZEROS, 0, XdrReader.pad(b.length));
        return this;
    }

    public XdrWriter writeOpaque(byte[] b) {
        buf.writeInt(b.length);
        return writeFixedOpaque(b);
    }

    /**
     * Variable-length opaque from a buffer (READ data), copied once into the reply. A large one
     * sizes the reply buffer exactly first: growing it would round up to the next power of two
     * (a 1 MiB READ would take a 2 MiB buffer) and copy what was written so far.
     */
    public XdrWriter writeOpaque(ByteBuffer data) {
        int n = data.remaining();
        int pad = XdrReader.pad(n);
        int needed = 4 + n + pad;
        if (buf.writableBytes() < needed && n >= EXACT_GROWTH) {
            buf.capacity(buf.writerIndex() + needed + TRAILER_ROOM);
        }
        buf.writeInt(n);
        buf.writeBytes(data.duplicate());
        buf.writeBytes(ZEROS, 0, pad);
        return this;
    }

    public XdrWriter writeOpaque(ByteString b) {
        buf.writeInt(b.size());
        for (var bb : b.asReadOnlyByteBufferList()) {
            buf.writeBytes(bb);
        }
        buf.writeBytes(ZEROS, 0, XdrReader.pad(b.size()));
        return this;
    }

    public XdrWriter writeString(String s) {
        return writeOpaque(s.getBytes(StandardCharsets.UTF_8));
    }
}
