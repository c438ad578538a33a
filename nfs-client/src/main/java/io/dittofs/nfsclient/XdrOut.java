package io.dittofs.nfsclient;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds XDR (RFC 4506) call arguments. */
public final class XdrOut {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

    public XdrOut writeInt(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    public XdrOut writeLong(long v) {
        return writeInt((int) (v >>> 32)).writeInt((int) v);
    }

    public XdrOut writeBool(boolean b) {
        return writeInt(b ? 1 : 0);
    }

    public XdrOut writeFixed(byte[] b) {
        out.write(b, 0, b.length);
        for (int i = b.length; (i & 3) != 0; i++) {
            out.write(0);
        }
        return this;
    }

    public XdrOut writeOpaque(byte[] b) {
        return writeInt(b.length).writeFixed(b);
    }

    public XdrOut writeString(String s) {
        return writeOpaque(s.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
