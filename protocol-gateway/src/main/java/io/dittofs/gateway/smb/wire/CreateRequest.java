package io.dittofs.gateway.smb.wire;

import java.util.List;

/** SMB2 CREATE request (MS-SMB2 2.2.13). The name is relative to the share root, backslash-separated. */
public record CreateRequest(int oplockLevel, int impersonationLevel, int desiredAccess, int fileAttributes,
                            int shareAccess, int disposition, int options, String name,
                            List<CreateContext> contexts) {

    public static final int STRUCTURE_SIZE = 57;
    /** 32767 UTF-16 units is the longest NT path. */
    public static final int MAX_NAME_BYTES = 65534;
    public static final int MAX_CONTEXT_BYTES = 65536;

    public static final int SUPERSEDE = 0;
    public static final int OPEN = 1;
    public static final int CREATE = 2;
    public static final int OPEN_IF = 3;
    public static final int OVERWRITE = 4;
    public static final int OVERWRITE_IF = 5;

    public static final int DIRECTORY_FILE = 0x1;
    public static final int WRITE_THROUGH = 0x2;
    public static final int NON_DIRECTORY_FILE = 0x40;
    public static final int DELETE_ON_CLOSE = 0x1000;

    public CreateRequest {
        contexts = List.copyOf(contexts);
    }

    public static CreateRequest decode(SmbReader r) throws WireException {
        if (r.u16() != STRUCTURE_SIZE) {
            throw new WireException("CREATE StructureSize is not 57");
        }
        r.skip(1);
        int oplock = r.u8();
        int impersonation = r.i32();
        r.skip(16);
        int access = r.i32();
        int attrs = r.i32();
        int share = r.i32();
        int disposition = r.i32();
        int options = r.i32();
        int nameOffset = r.u16();
        int nameLength = r.u16();
        long ctxOffset = r.u32();
        long ctxLength = r.u32();
        if (nameLength > MAX_NAME_BYTES || ctxLength > MAX_CONTEXT_BYTES) {
            throw new WireException("CREATE name of " + nameLength + " or contexts of " + ctxLength + " bytes");
        }
        String name = SmbReader.utf16(r.slice(0, nameOffset, nameLength));
        List<CreateContext> contexts = CreateContext.decodeList(r, ctxOffset, ctxLength);
        return new CreateRequest(oplock, impersonation, access, attrs, share, disposition, options, name, contexts);
    }

    public boolean has(String context) {
        return contexts.stream().anyMatch(c -> c.name().equals(context));
    }

    /** The first context of that name, or null. */
    public CreateContext context(String name) {
        return contexts.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** A client's view, for tests and fuzz seeds: the body after a 64-byte header. */
    public void encode(SmbWriter w) {
        byte[] n = SmbWriter.utf16(name);
        byte[] ctx = CreateContext.encodeList(contexts);
        int nameOffset = Smb2Header.SIZE + 56;
        int ctxOffset = ctx.length == 0 ? 0 : (nameOffset + n.length + 7) & ~7;
        w.u16(STRUCTURE_SIZE).u8(0).u8(oplockLevel).i32(impersonationLevel).zeros(16).i32(desiredAccess)
                .i32(fileAttributes).i32(shareAccess).i32(disposition).i32(options).u16(nameOffset).u16(n.length)
                .i32(ctxOffset).i32(ctx.length).bytes(n);
        if (ctx.length > 0) {
            w.zeros(ctxOffset - nameOffset - n.length).bytes(ctx);
        } else if (n.length == 0) {
            w.u8(0);
        }
    }
}
