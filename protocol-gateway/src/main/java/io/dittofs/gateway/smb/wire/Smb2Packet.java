package io.dittofs.gateway.smb.wire;

import java.util.Arrays;

/**
 * One SMB2 message of a (possibly compounded) transport frame: its header, and its bytes from the
 * header start to the next message (or the frame end). {@code raw} is what a signature covers;
 * body offsets in the message are relative to the header start, i.e. to {@code raw[0]}.
 */
public record Smb2Packet(Smb2Header header, byte[] raw) {

    public Smb2Packet {
        raw = raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** A reader over the whole message positioned at the body (after the header). */
    public SmbReader body() {
        SmbReader r = new SmbReader(raw, 0, raw.length);
        try {
            r.seek(Smb2Header.SIZE);
        } catch (WireException e) {
            throw new IllegalStateException("packet shorter than its header", e);
        }
        return r;
    }

    public int length() {
        return raw.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Smb2Packet p && p.header.equals(header) && Arrays.equals(p.raw, raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }
}
