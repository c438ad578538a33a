package io.dittofs.gateway.smb.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** SMB2 NEGOTIATE request body (MS-SMB2 2.2.3). Contexts are present only when 3.1.1 is offered. */
public record NegotiateRequest(int securityMode, int capabilities, byte[] clientGuid, List<Integer> dialects,
                               List<NegotiateContext> contexts) {

    public static final int STRUCTURE_SIZE = 36;
    public static final int MAX_DIALECTS = 64;

    public NegotiateRequest {
        clientGuid = clientGuid.clone();
        dialects = List.copyOf(dialects);
        contexts = List.copyOf(contexts);
    }

    @Override
    public byte[] clientGuid() {
        return clientGuid.clone();
    }

    public boolean signingRequired() {
        return (securityMode & NegotiateResponse.SIGNING_REQUIRED) != 0;
    }

    /** Decodes the body; {@code r} spans the whole message and stands at the body. */
    public static NegotiateRequest decode(SmbReader r) throws WireException {
        if (r.u16() != STRUCTURE_SIZE) {
            throw new WireException("NEGOTIATE StructureSize is not 36");
        }
        int dialectCount = r.u16();
        if (dialectCount == 0 || dialectCount > MAX_DIALECTS) {
            throw new WireException("NEGOTIATE with " + dialectCount + " dialects");
        }
        int securityMode = r.u16();
        r.skip(2);
        int capabilities = r.i32();
        byte[] guid = r.bytes(16);
        long contextOffset = r.u32();
        int contextCount = r.u16();
        r.skip(2);
        List<Integer> dialects = new ArrayList<>(dialectCount);
        for (int i = 0; i < dialectCount; i++) {
            dialects.add(r.u16());
        }
        List<NegotiateContext> contexts = dialects.contains(Dialect.SMB_3_1_1)
                ? NegotiateContext.decodeList(r, contextOffset, contextCount)
                : List.of();
        return new NegotiateRequest(securityMode, capabilities, guid, dialects, contexts);
    }

    /** Encodes the body for a message whose header is already in {@code w} at position 0 (a client's view, for tests). */
    public void encode(SmbWriter w) {
        w.u16(STRUCTURE_SIZE).u16(dialects.size()).u16(securityMode).u16(0).i32(capabilities).bytes(clientGuid);
        int offsetAt = w.position();
        w.i32(0).u16(contexts.size()).u16(0);
        dialects.forEach(w::u16);
        if (!contexts.isEmpty()) {
            w.align(8);
            w.setI32(offsetAt, w.position());
            NegotiateContext.encodeList(w, contexts);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NegotiateRequest n && n.securityMode == securityMode && n.capabilities == capabilities
                && Arrays.equals(n.clientGuid, clientGuid) && n.dialects.equals(dialects) && n.contexts.equals(contexts);
    }

    @Override
    public int hashCode() {
        return dialects.hashCode();
    }
}
