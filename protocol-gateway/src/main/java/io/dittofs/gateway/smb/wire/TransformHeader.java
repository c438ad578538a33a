package io.dittofs.gateway.smb.wire;

import java.util.Arrays;

/**
 * SMB2 TRANSFORM_HEADER (MS-SMB2 2.2.41): 52 bytes before an encrypted message. The 32 bytes from
 * the nonce to the end are the AEAD's associated data; OriginalMessageSize must equal the
 * ciphertext length that follows (checked, so a lying length never sizes a buffer).
 */
public record TransformHeader(byte[] signature, byte[] nonce, int originalSize, int flags, long sessionId) {

    public static final int SIZE = 52;
    public static final int AAD_OFFSET = 20;
    public static final int FLAG_ENCRYPTED = 0x0001;

    public TransformHeader {
        signature = signature.clone();
        nonce = nonce.clone();
        if (signature.length != 16 || nonce.length != 16) {
            throw new IllegalArgumentException("signature and nonce are 16 bytes");
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    public static boolean isTransform(byte[] frame) {
        return frame.length >= 4 && (frame[0] & 0xff) == 0xFD && frame[1] == 'S' && frame[2] == 'M' && frame[3] == 'B';
    }

    /** The header of an encrypted frame; the ciphertext is {@code frame[SIZE..]}. */
    public static TransformHeader decode(byte[] frame) throws WireException {
        SmbReader r = SmbReader.of(frame);
        if (r.i32() != Smb2Header.TRANSFORM_PROTOCOL_ID) {
            throw new WireException("not a TRANSFORM_HEADER");
        }
        byte[] sig = r.bytes(16);
        byte[] nonce = r.bytes(16);
        long size = r.u32();
        r.skip(2);
        int flags = r.u16();
        long session = r.i64();
        if (size != frame.length - SIZE || size < Smb2Header.SIZE) {
            throw new WireException("OriginalMessageSize " + size + " does not match " + (frame.length - SIZE) + " bytes");
        }
        if (flags != FLAG_ENCRYPTED) {
            throw new WireException("TRANSFORM_HEADER flags " + flags);
        }
        return new TransformHeader(sig, nonce, (int) size, flags, session);
    }

    /** The 52 header bytes (signature as given; zeros while computing it). */
    public byte[] encode() {
        SmbWriter w = new SmbWriter(SIZE);
        w.i32(Smb2Header.TRANSFORM_PROTOCOL_ID).bytes(signature).bytes(nonce).i32(originalSize).u16(0).u16(flags)
                .i64(sessionId);
        return w.toByteArray();
    }

    /** The associated data: header bytes 20..52. */
    public byte[] aad() {
        return Arrays.copyOfRange(encode(), AAD_OFFSET, SIZE);
    }
}
