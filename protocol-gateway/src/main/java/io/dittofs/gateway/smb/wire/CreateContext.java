package io.dittofs.gateway.smb.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One SMB2_CREATE_CONTEXT (MS-SMB2 2.2.13.2): a 4-byte (or longer) ASCII tag and its data. The
 * list codec walks the Next chain inside the region the request gave, bounded in count and size.
 */
public record CreateContext(String name, byte[] data) {

    public static final String MAXIMAL_ACCESS = "MxAc";
    public static final String QUERY_ON_DISK_ID = "QFid";
    /** SMB2_CREATE_SD_BUFFER (MS-SMB2 2.2.13.2.3): a self-relative security descriptor for the new file. */
    public static final String SECURITY_DESCRIPTOR = "SecD";
    /** SMB2_CREATE_ALLOCATION_SIZE (MS-SMB2 2.2.13.2.6): 8 bytes, the allocation a new or overwritten file gets. */
    public static final String ALLOCATION_SIZE = "AlSi";
    /** SMB2_CREATE_TIMEWARP_TOKEN (MS-SMB2 2.2.13.2.7): open a snapshot. */
    public static final String TIMEWARP = "TWrp";
    /** Contexts one CREATE may carry (Windows clients send at most a handful). */
    public static final int MAX_CONTEXTS = 32;
    /** Windows refuses tags shorter than 4 bytes and accepts longer ones (smbtorture sends up to 34). */
    public static final int MIN_NAME_BYTES = 4;
    public static final int MAX_NAME_BYTES = 255;

    public CreateContext {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Decodes the chain at {@code offset} (from the header start) of {@code length} bytes. */
    public static List<CreateContext> decodeList(SmbReader r, long offset, long length) throws WireException {
        List<CreateContext> out = new ArrayList<>();
        if (length == 0) {
            return out;
        }
        byte[] region = r.slice(0, offset, length);
        int at = 0;
        while (true) {
            if (out.size() >= MAX_CONTEXTS) {
                throw new WireException("more than " + MAX_CONTEXTS + " create contexts");
            }
            SmbReader c = new SmbReader(region, at, region.length);
            long next = c.u32();
            int nameOffset = c.u16();
            int nameLength = c.u16();
            c.skip(2);
            int dataOffset = c.u16();
            long dataLength = c.u32();
            int size = next == 0 ? region.length - at : (int) Math.min(next, region.length - at);
            if (next != 0 && (next < 16 || next > region.length - at || (next & 7) != 0)) {
                throw new WireException("create context Next " + next + " outside the contexts");
            }
            SmbReader ctx = new SmbReader(region, at, at + size);
            if (nameLength < MIN_NAME_BYTES || nameLength > MAX_NAME_BYTES) {
                throw new WireException("create context name of " + nameLength + " bytes");
            }
            String name = new String(ctx.slice(0, nameOffset, nameLength), StandardCharsets.US_ASCII);
            byte[] data = dataLength == 0 ? new byte[0] : ctx.slice(0, dataOffset, dataLength);
            out.add(new CreateContext(name, data));
            if (next == 0) {
                return out;
            }
            at += (int) next;
        }
    }

    /** Encodes a chain (each context 8-aligned) as it appears in a response buffer. */
    public static byte[] encodeList(List<CreateContext> contexts) {
        SmbWriter w = new SmbWriter(64);
        for (int i = 0; i < contexts.size(); i++) {
            CreateContext c = contexts.get(i);
            int start = w.position();
            byte[] n = c.name.getBytes(StandardCharsets.US_ASCII);
            w.i32(0).u16(16).u16(n.length).u16(0);
            int dataOffset = (16 + n.length + 7) & ~7;
            w.u16(c.data.length == 0 ? 0 : dataOffset).i32(c.data.length).bytes(n);
            w.zeros(dataOffset - 16 - n.length).bytes(c.data);
            if (i + 1 < contexts.size()) {
                w.align(8);
                w.setI32(start, w.position() - start);
            }
        }
        return w.toByteArray();
    }
}
