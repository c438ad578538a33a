package io.dittofs.gateway.smb.ipc.rpc;

import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.WireException;
import java.nio.charset.StandardCharsets;

/**
 * NDR 2.0 little-endian reading of a request stub (C706 chapter 14): primitives aligned to their
 * size from the stub's start, unique pointers as referent ids, conformant varying UTF-16 strings
 * bounded by the stub and by {@link #MAX_STRING} characters.
 */
public final class NdrReader {

    public static final int MAX_STRING = 1024;

    private final SmbReader r;

    public NdrReader(byte[] stub) {
        this.r = SmbReader.of(stub);
    }

    private void align(int n) throws WireException {
        int pad = (n - r.position() % n) % n;
        r.skip(Math.min(pad, r.remaining()));
    }

    public int u32() throws WireException {
        align(4);
        return r.i32();
    }

    public int u16() throws WireException {
        align(2);
        return r.u16();
    }

    /** A unique or full pointer's referent id: 0 is null. */
    public boolean pointer() throws WireException {
        return u32() != 0;
    }

    /** A [string] wchar_t* body: max count, offset, actual count, characters (the trailing NUL dropped). */
    public String string() throws WireException {
        long max = u32() & 0xffffffffL;
        long offset = u32() & 0xffffffffL;
        long actual = u32() & 0xffffffffL;
        if (offset != 0 || actual > max || actual > MAX_STRING || actual * 2 > r.remaining()) {
            throw new WireException("NDR string of " + actual + "/" + max + " characters at offset " + offset);
        }
        byte[] b = r.bytes((int) actual * 2);
        String s = new String(b, StandardCharsets.UTF_16LE);
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }

    /** A unique pointer to a string, null when the pointer is. */
    public String uniqueString() throws WireException {
        return pointer() ? string() : null;
    }

    public int remaining() {
        return r.remaining();
    }
}
