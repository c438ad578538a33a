package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.smb.wire.FileId;
import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.WireException;

/**
 * SMB2 IOCTL request body (MS-SMB2 2.2.31). The input buffer is taken from its offset and count
 * (checked against the message); MaxOutputResponse bounds what an answer may return.
 */
public record IoctlRequest(int ctlCode, FileId fileId, byte[] input, int maxInputResponse, int maxOutputResponse,
                           int flags) {

    public static final int STRUCTURE_SIZE = 57;
    public static final int FLAG_IS_FSCTL = 0x00000001;

    public IoctlRequest {
        input = input.clone();
    }

    @Override
    public byte[] input() {
        return input.clone();
    }

    public boolean fsctl() {
        return (flags & FLAG_IS_FSCTL) != 0;
    }

    public static IoctlRequest decode(SmbReader r) throws WireException {
        if (r.u16() != STRUCTURE_SIZE) {
            throw new WireException("IOCTL StructureSize is not 57");
        }
        r.skip(2);
        int ctl = r.i32();
        FileId id = FileId.decode(r);
        long inOffset = r.u32();
        long inCount = r.u32();
        long maxIn = r.u32();
        r.skip(8); // OutputOffset, OutputCount: a request carries no output
        long maxOut = r.u32();
        int flags = r.i32();
        r.skip(4);
        byte[] input = r.slice(0, inOffset, inCount);
        return new IoctlRequest(ctl, id, input, (int) Math.min(maxIn, Integer.MAX_VALUE),
                (int) Math.min(maxOut, Integer.MAX_VALUE), flags);
    }

    /** The response body (MS-SMB2 2.2.32): output right after the 48-byte fixed part, no input echoed. */
    public static java.util.function.Consumer<io.dittofs.gateway.smb.wire.SmbWriter> response(int ctlCode, FileId id,
                                                                                             byte[] output) {
        byte[] out = output.clone();
        return w -> {
            w.u16(49).u16(0).i32(ctlCode);
            id.encode(w);
            int dataAt = 64 + 48;
            w.i32(out.length == 0 ? 0 : dataAt).i32(0).i32(dataAt).i32(out.length).i32(0).i32(0);
            w.bytes(out);
        };
    }
}
