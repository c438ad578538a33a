package io.dittofs.gateway.smb.ipc.rpc;

import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.Arrays;
import java.util.UUID;

/** A presentation syntax identifier (C706 p_syntax_id_t): interface UUID and version, 20 bytes on the wire. */
public record SyntaxId(byte[] uuid, int version) {

    public static final int SIZE = 20;
    /** NDR 2.0 transfer syntax (C706 Appendix I). */
    public static final SyntaxId NDR = of("8a885d04-1ceb-11c9-9fe8-08002b104860", 2);
    /** The nil syntax of a rejected context's result. */
    public static final SyntaxId NONE = new SyntaxId(new byte[16], 0);

    public SyntaxId {
        uuid = uuid.clone();
        if (uuid.length != 16) {
            throw new IllegalArgumentException("UUID is 16 bytes");
        }
    }

    @Override
    public byte[] uuid() {
        return uuid.clone();
    }

    /** The wire form of a UUID string: the first three fields little-endian, the last eight bytes as written. */
    public static SyntaxId of(String uuid, int version) {
        UUID u = UUID.fromString(uuid);
        long hi = u.getMostSignificantBits();
        long lo = u.getLeastSignificantBits();
        SmbWriter w = new SmbWriter(16).i32((int) (hi >>> 32)).u16((int) (hi >>> 16) & 0xffff).u16((int) hi & 0xffff);
        for (int i = 7; i >= 0; i--) {
            w.u8((int) (lo >>> (8 * i)));
        }
        return new SyntaxId(w.toByteArray(), version);
    }

    /** Bind time feature negotiation (MS-RPCE 3.3.1.5.3): the UUID's first 8 bytes name it, the rest carry flags. */
    public boolean bindTimeFeatures() {
        byte[] prefix = of("6cb71c2c-9812-4540-0000-000000000000", 1).uuid;
        return Arrays.equals(uuid, 0, 8, prefix, 0, 8);
    }

    public boolean sameAs(SyntaxId o) {
        return Arrays.equals(uuid, o.uuid) && version == o.version;
    }

    public static SyntaxId decode(SmbReader r) throws WireException {
        return new SyntaxId(r.bytes(16), r.i32());
    }

    public void encode(SmbWriter w) {
        w.bytes(uuid).i32(version);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyntaxId s && sameAs(s);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(uuid) * 31 + version;
    }
}
