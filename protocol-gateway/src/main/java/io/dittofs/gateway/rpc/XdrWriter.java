package io.dittofs.gateway.rpc;

import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes XDR (RFC 4506) into a ByteBuf. */
public final class XdrWriter {

    private static final byte[] ZEROS = new byte[4];
    /** From this size on an opaque grows the buffer to fit exactly (see {@link #writeOpaque(ByteBuffer)}). */
    private static final int EXACT_GROWTH = 16 * 1024;
    /**
     * Room left after such an opaque for what may follow it (the later operations of an NFSv4
     * COMPOUND, e.g. a GETATTR after the READ), so that it does not grow the buffer a second time.
     */
    private static final int TRAILER_ROOM = 4096;
    /** From this size on, the last opaque of a reply goes into a buffer of its own (see {@link #writeLastOpaque}). */
    static final int ATTACH_MIN = 64 * 1024;
    private final ByteBuf buf;
    private final ByteBufAllocator attachFrom;
    private ByteBuf attachment;

    public XdrWriter(ByteBuf buf) {
        this(buf, null);
    }

    /** @param attachFrom where {@link #writeLastOpaque} may take a buffer of its own; null = never */
    public XdrWriter(ByteBuf buf, ByteBufAllocator attachFrom) {
        this.buf = buf;
        this.attachFrom = attachFrom;
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

    /**
     * The last item of a reply (NFSv3 READ data: nothing follows it). A large one goes into a
     * buffer of its own that the dispatcher appends to the reply as a second component
     * ({@link #takeAttachment}). Data in native memory (a mapped block, a direct buffer) is lent,
     * not copied: the socket write reads it where it lies, so the caller must hand over bytes that
     * never change (block views and fresh copies do). Heap data is copied once into a pooled direct
     * buffer (the socket would copy it into one anyway; one reply buffer above the allocator's
     * largest pooled size would be a fresh native allocation per reply). Nothing may be written to
     * this writer after it.
     */
    public XdrWriter writeLastOpaque(ByteBuffer data) {
        int n = data.remaining();
        if (attachFrom == null || n < ATTACH_MIN) {
            return writeOpaque(data);
        }
        if (attachment != null) {
            throw new IllegalStateException("a reply has one last opaque");
        }
        int pad = XdrReader.pad(n);
        buf.writeInt(n);
        if (data.isDirect()) {
            ByteBuf lent = Unpooled.wrappedBuffer(data.slice());
            attachment = pad == 0 ? lent : Unpooled.wrappedBuffer(lent, Unpooled.wrappedBuffer(ZEROS, 0, pad));
            return this;
        }
        ByteBuf a = attachFrom.directBuffer(n + pad, n + pad);
        a.writeBytes(data.duplicate());
        a.writeZero(pad);
        attachment = a;
        return this;
    }

    /** The buffer {@link #writeLastOpaque} wrote into, if it took one (the caller owns it now), else null. */
    public ByteBuf takeAttachment() {
        ByteBuf a = attachment;
        attachment = null;
        return a;
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
