package io.dittofs.gateway.smb.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Growable little-endian writer; offsets in SMB2 bodies are taken from {@link #position()}. */
public final class SmbWriter {

    private byte[] buf;
    private int pos;

    public SmbWriter(int initial) {
        buf = new byte[Math.max(16, initial)];
    }

    /** Bulk payloads (READ data, big buffers) grow the array to fit exactly, not by doubling. */
    private static final int BULK = 64 * 1024;

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, n >= BULK ? pos + n : Math.max(buf.length * 2, pos + n));
        }
    }

    public int position() {
        return pos;
    }

    public SmbWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    public SmbWriter u16(int v) {
        ensure(2);
        buf[pos++] = (byte) v;
        buf[pos++] = (byte) (v >>> 8);
        return this;
    }

    public SmbWriter i32(int v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[pos++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    public SmbWriter i64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[pos++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    public SmbWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    /** The buffer's remaining bytes, copied once straight into the message. */
    public SmbWriter bytes(java.nio.ByteBuffer b) {
        int n = b.remaining();
        ensure(n);
        b.duplicate().get(buf, pos, n);
        pos += n;
        return this;
    }

    public SmbWriter zeros(int n) {
        ensure(n);
        pos += n;
        return this;
    }

    /** Pads with zeros to a multiple of {@code alignment}. */
    public SmbWriter align(int alignment) {
        int rem = pos % alignment;
        return rem == 0 ? this : zeros(alignment - rem);
    }

    /** Overwrites a 16-bit field written earlier (offsets and lengths known only later). */
    public void setU16(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
    }

    public void setI32(int at, int v) {
        for (int i = 0; i < 4; i++) {
            buf[at + i] = (byte) (v >>> (8 * i));
        }
    }

    /** Overwrites a 32-bit little-endian field of a finished message. */
    public static void setI32(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    public static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    /** The bytes written; the array itself when it is exactly full (the writer is done with it then). */
    public byte[] toByteArray() {
        return pos == buf.length ? buf : Arrays.copyOf(buf, pos);
    }
}
