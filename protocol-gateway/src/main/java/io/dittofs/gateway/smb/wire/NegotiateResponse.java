package io.dittofs.gateway.smb.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** SMB2 NEGOTIATE response body (MS-SMB2 2.2.4). Times are FILETIME (100 ns since 1601). */
public record NegotiateResponse(int securityMode, int dialect, byte[] serverGuid, int capabilities,
                                int maxTransactSize, int maxReadSize, int maxWriteSize, long systemTime,
                                byte[] securityBuffer, List<NegotiateContext> contexts) {

    public static final int STRUCTURE_SIZE = 65;
    public static final int SIGNING_ENABLED = 0x0001;
    public static final int SIGNING_REQUIRED = 0x0002;

    public static final int CAP_DFS = 0x01;
    public static final int CAP_LEASING = 0x02;
    public static final int CAP_LARGE_MTU = 0x04;
    public static final int CAP_MULTI_CHANNEL = 0x08;
    public static final int CAP_PERSISTENT_HANDLES = 0x10;
    public static final int CAP_DIRECTORY_LEASING = 0x20;
    public static final int CAP_ENCRYPTION = 0x40;

    public NegotiateResponse {
        serverGuid = serverGuid.clone();
        securityBuffer = securityBuffer.clone();
        contexts = List.copyOf(contexts);
    }

    @Override
    public byte[] serverGuid() {
        return serverGuid.clone();
    }

    @Override
    public byte[] securityBuffer() {
        return securityBuffer.clone();
    }

    /** Encodes the body after a 64-byte header already in {@code w}. */
    public void encode(SmbWriter w) {
        int base = w.position() - Smb2Header.SIZE;
        w.u16(STRUCTURE_SIZE).u16(securityMode).u16(dialect).u16(contexts.size()).bytes(serverGuid)
                .i32(capabilities).i32(maxTransactSize).i32(maxReadSize).i32(maxWriteSize).i64(systemTime).i64(0);
        int secOffsetAt = w.position();
        w.u16(0).u16(securityBuffer.length);
        int ctxOffsetAt = w.position();
        w.i32(0);
        w.setU16(secOffsetAt, w.position() - base);
        w.bytes(securityBuffer);
        if (securityBuffer.length == 0) {
            w.u8(0); // the fixed part counts one byte of Buffer
        }
        if (!contexts.isEmpty()) {
            w.align(8);
            w.setI32(ctxOffsetAt, w.position() - base);
            NegotiateContext.encodeList(w, contexts);
        }
    }

    /** Decodes the body (a client's view, for tests); {@code r} spans the whole message and stands at the body. */
    public static NegotiateResponse decode(SmbReader r) throws WireException {
        if (r.u16() != STRUCTURE_SIZE) {
            throw new WireException("NEGOTIATE response StructureSize is not 65");
        }
        int securityMode = r.u16();
        int dialect = r.u16();
        int contextCount = r.u16();
        byte[] guid = r.bytes(16);
        int caps = r.i32();
        int maxTransact = r.i32();
        int maxRead = r.i32();
        int maxWrite = r.i32();
        long systemTime = r.i64();
        r.skip(8);
        int secOffset = r.u16();
        int secLength = r.u16();
        long ctxOffset = r.u32();
        byte[] sec = r.slice(0, secOffset, secLength);
        List<NegotiateContext> contexts = dialect == Dialect.SMB_3_1_1
                ? NegotiateContext.decodeList(r, ctxOffset, contextCount)
                : new ArrayList<>();
        return new NegotiateResponse(securityMode, dialect, guid, caps, maxTransact, maxRead, maxWrite, systemTime,
                sec, contexts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NegotiateResponse n && n.securityMode == securityMode && n.dialect == dialect
                && Arrays.equals(n.serverGuid, serverGuid) && n.capabilities == capabilities
                && n.maxTransactSize == maxTransactSize && n.maxReadSize == maxReadSize
                && n.maxWriteSize == maxWriteSize && n.systemTime == systemTime
                && Arrays.equals(n.securityBuffer, securityBuffer) && n.contexts.equals(contexts);
    }

    @Override
    public int hashCode() {
        return dialect;
    }
}
