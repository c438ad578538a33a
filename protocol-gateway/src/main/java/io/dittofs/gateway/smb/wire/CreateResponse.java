package io.dittofs.gateway.smb.wire;

import java.util.List;

/** SMB2 CREATE response (MS-SMB2 2.2.14). Times are FILETIMEs. */
public record CreateResponse(int oplockLevel, int createAction, FileBasics basics, FileId fileId,
                             List<CreateContext> contexts) {

    public static final int SUPERSEDED = 0;
    public static final int OPENED = 1;
    public static final int CREATED = 2;
    public static final int OVERWRITTEN = 3;

    public void encode(SmbWriter w) {
        byte[] ctx = CreateContext.encodeList(contexts);
        w.u16(89).u8(oplockLevel).u8(0).i32(createAction);
        basics.encodeTimes(w);
        w.i64(basics.allocationSize()).i64(basics.endOfFile()).i32(basics.attributes()).i32(0);
        fileId.encode(w);
        w.i32(ctx.length == 0 ? 0 : Smb2Header.SIZE + 88).i32(ctx.length);
        if (ctx.length == 0) {
            w.u8(0);
        } else {
            w.bytes(ctx);
        }
    }
}
