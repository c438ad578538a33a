package io.dittofs.gateway.smb.wire;

/**
 * The 64-byte SMB2 packet header (MS-SMB2 2.2.1), sync or async. {@code command} is the raw code:
 * an unknown code must still be answered (STATUS_INVALID_PARAMETER), so it is kept as a number.
 * In a request {@code status} carries ChannelSequence/Reserved; for sync headers {@code asyncId}
 * is 0 and {@code processId}/{@code treeId} are set, for async headers the reverse.
 */
public record Smb2Header(int creditCharge, int status, int command, int credits, int flags, int nextCommand,
                         long messageId, int processId, int treeId, long asyncId, long sessionId, byte[] signature) {

    public static final int SIZE = 64;
    public static final int PROTOCOL_ID = 0x424D53FE; // 0xFE 'S' 'M' 'B' read little-endian
    public static final int TRANSFORM_PROTOCOL_ID = 0x424D53FD;

    public static final int FLAGS_SERVER_TO_REDIR = 0x00000001;
    public static final int FLAGS_ASYNC_COMMAND = 0x00000002;
    public static final int FLAGS_RELATED_OPERATIONS = 0x00000004;
    public static final int FLAGS_SIGNED = 0x00000008;
    public static final int FLAGS_PRIORITY_MASK = 0x00000070;
    public static final int FLAGS_DFS_OPERATIONS = 0x10000000;
    public static final int FLAGS_REPLAY_OPERATION = 0x20000000;

    public Smb2Header {
        signature = signature == null ? new byte[16] : signature.clone();
        if (signature.length != 16) {
            throw new IllegalArgumentException("signature must be 16 bytes");
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Smb2Header h && h.creditCharge == creditCharge && h.status == status
                && h.command == command && h.credits == credits && h.flags == flags && h.nextCommand == nextCommand
                && h.messageId == messageId && h.processId == processId && h.treeId == treeId
                && h.asyncId == asyncId && h.sessionId == sessionId && java.util.Arrays.equals(h.signature, signature);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(messageId) * 31 + command;
    }

    public boolean async() {
        return (flags & FLAGS_ASYNC_COMMAND) != 0;
    }

    public boolean related() {
        return (flags & FLAGS_RELATED_OPERATIONS) != 0;
    }

    public boolean signed() {
        return (flags & FLAGS_SIGNED) != 0;
    }

    public boolean response() {
        return (flags & FLAGS_SERVER_TO_REDIR) != 0;
    }

    public Smb2Command knownCommand() {
        return Smb2Command.of(command);
    }

    /** The response header to this request: same message id, session, tree; credits granted; not yet signed. */
    public Smb2Header reply(int ntStatus, int grantedCredits, int replyFlags) {
        int f = FLAGS_SERVER_TO_REDIR | (flags & (FLAGS_PRIORITY_MASK | FLAGS_RELATED_OPERATIONS)) | replyFlags;
        return new Smb2Header(creditCharge, ntStatus, command, grantedCredits, f, 0, messageId,
                (f & FLAGS_ASYNC_COMMAND) != 0 ? 0 : processId, (f & FLAGS_ASYNC_COMMAND) != 0 ? 0 : treeId,
                asyncId, sessionId, null);
    }

    public Smb2Header withNextCommand(int next) {
        return new Smb2Header(creditCharge, status, command, credits, flags, next, messageId, processId, treeId,
                asyncId, sessionId, signature);
    }

    public Smb2Header withSession(long session, int tree) {
        return new Smb2Header(creditCharge, status, command, credits, flags, nextCommand, messageId, processId, tree,
                asyncId, session, signature);
    }

    public Smb2Header asAsync(long id) {
        return new Smb2Header(creditCharge, status, command, credits, flags | FLAGS_ASYNC_COMMAND, nextCommand,
                messageId, 0, 0, id, sessionId, signature);
    }

    public static Smb2Header decode(SmbReader r) throws WireException {
        if (r.i32() != PROTOCOL_ID) {
            throw new WireException("not an SMB2 header");
        }
        if (r.u16() != SIZE) {
            throw new WireException("SMB2 header StructureSize is not 64");
        }
        int creditCharge = r.u16();
        int status = r.i32();
        int command = r.u16();
        int credits = r.u16();
        int flags = r.i32();
        int next = r.i32();
        long messageId = r.i64();
        int processId = 0;
        int treeId = 0;
        long asyncId = 0;
        if ((flags & FLAGS_ASYNC_COMMAND) != 0) {
            asyncId = r.i64();
        } else {
            processId = r.i32();
            treeId = r.i32();
        }
        long sessionId = r.i64();
        byte[] signature = r.bytes(16);
        return new Smb2Header(creditCharge, status, command, credits, flags, next, messageId, processId, treeId,
                asyncId, sessionId, signature);
    }

    public void encode(SmbWriter w) {
        w.i32(PROTOCOL_ID).u16(SIZE).u16(creditCharge).i32(status).u16(command).u16(credits).i32(flags)
                .i32(nextCommand).i64(messageId);
        if (async()) {
            w.i64(asyncId);
        } else {
            w.i32(processId).i32(treeId);
        }
        w.i64(sessionId).bytes(signature);
    }
}
