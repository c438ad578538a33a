package io.dittofs.gateway.smb.ipc.rpc;

import io.dittofs.gateway.smb.wire.SmbWriter;
import java.nio.charset.StandardCharsets;

/** NDR 2.0 little-endian writing of a response stub: aligned primitives, referent ids, conformant varying strings. */
public final class NdrWriter {

    private final SmbWriter w = new SmbWriter(256);
    private int referent = 0x00020000;

    public NdrWriter u32(int v) {
        w.align(4).i32(v);
        return this;
    }

    /** A non-null unique pointer (a fresh referent id) or a null one. */
    public NdrWriter pointer(boolean present) {
        if (present) {
            referent += 4;
        }
        return u32(present ? referent : 0);
    }

    /** The deferred body of a [string] wchar_t*: NUL-terminated. */
    public NdrWriter string(String s) {
        byte[] b = (s + "\0").getBytes(StandardCharsets.UTF_16LE);
        int n = b.length / 2;
        u32(n).u32(0).u32(n);
        w.bytes(b);
        return this;
    }

    public byte[] toByteArray() {
        return w.toByteArray();
    }
}
