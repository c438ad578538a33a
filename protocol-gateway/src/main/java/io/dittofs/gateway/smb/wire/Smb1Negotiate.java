package io.dittofs.gateway.smb.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SMB1 multi-protocol NEGOTIATE that older clients (and smbclient without a forced protocol)
 * send first (MS-SMB2 3.3.5.3). Only its dialect strings matter: "SMB 2.???" asks for an SMB2
 * NEGOTIATE response with the wildcard revision 0x02FF, "SMB 2.002" alone for 2.0.2.
 */
public record Smb1Negotiate(List<String> dialects) {

    public static final int COMMAND_NEGOTIATE = 0x72;
    private static final int HEADER = 32;
    private static final int MAX_DIALECTS = 64;

    public Smb1Negotiate {
        dialects = List.copyOf(dialects);
    }

    /** Whether a frame starts with the SMB1 protocol id 0xFF 'SMB'. */
    public static boolean isSmb1(byte[] frame) {
        return frame.length >= 4 && (frame[0] & 0xff) == 0xFF && frame[1] == 'S' && frame[2] == 'M' && frame[3] == 'B';
    }

    public static Smb1Negotiate decode(byte[] frame) throws WireException {
        if (!isSmb1(frame) || frame.length < HEADER + 3) {
            throw new WireException("not an SMB1 message");
        }
        if ((frame[4] & 0xff) != COMMAND_NEGOTIATE) {
            throw new WireException("SMB1 command " + (frame[4] & 0xff) + " is not NEGOTIATE");
        }
        SmbReader r = SmbReader.of(frame);
        r.seek(HEADER);
        int wordCount = r.u8();
        r.skip(wordCount * 2);
        int byteCount = r.u16();
        if (byteCount > r.remaining()) {
            throw new WireException("SMB1 ByteCount " + byteCount + " beyond the message");
        }
        byte[] data = r.bytes(byteCount);
        List<String> dialects = new ArrayList<>();
        int i = 0;
        while (i < data.length) {
            if (data[i] != 0x02) {
                throw new WireException("SMB1 dialect without BufferFormat 0x02");
            }
            int endAt = i + 1;
            while (endAt < data.length && data[endAt] != 0) {
                endAt++;
            }
            if (endAt == data.length) {
                throw new WireException("SMB1 dialect string not terminated");
            }
            if (dialects.size() == MAX_DIALECTS) {
                throw new WireException("more than " + MAX_DIALECTS + " SMB1 dialects");
            }
            dialects.add(new String(data, i + 1, endAt - i - 1, StandardCharsets.US_ASCII));
            i = endAt + 1;
        }
        return new Smb1Negotiate(dialects);
    }

    /** The SMB2 dialect to answer with, or 0 when no SMB2 dialect is offered. */
    public int upgradeDialect() {
        if (dialects.contains("SMB 2.???")) {
            return Dialect.WILDCARD;
        }
        return dialects.contains("SMB 2.002") ? Dialect.SMB_2_0_2 : 0;
    }

    /** Encodes a negotiate request with these dialect strings (a test client's view). */
    public byte[] encode() {
        SmbWriter w = new SmbWriter(64);
        w.u8(0xFF).u8('S').u8('M').u8('B').u8(COMMAND_NEGOTIATE).i32(0).u8(0x18).u16(0xC853).zeros(20).u8(0);
        SmbWriter data = new SmbWriter(64);
        for (String d : dialects) {
            data.u8(2).bytes(d.getBytes(StandardCharsets.US_ASCII)).u8(0);
        }
        byte[] b = data.toByteArray();
        return w.u16(b.length).bytes(b).toByteArray();
    }
}
