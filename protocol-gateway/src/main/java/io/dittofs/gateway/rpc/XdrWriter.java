package io.dittofs.gateway.rpc;

import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Writes XDR (RFC 4506) into a ByteBuf. */
public final class XdrWriter {

    private static final byte[] ZEROS = new byte[4];
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
