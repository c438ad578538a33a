package io.dittofs.gateway.smb.ipc.rpc;

import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one DCE/RPC association over a named pipe: bind and alter context negotiate
 * presentation contexts (NDR 2.0 only; bind-time feature negotiation acknowledged with no
 * features), requests are reassembled from fragments (bounded) and answered, in fragments no
 * larger than the client's max_recv_frag.
 */
public final class RpcEndpoint {

    private static final Logger log = LoggerFactory.getLogger(RpcEndpoint.class);
    /** Largest request stub reassembled from fragments. */
    public static final int MAX_STUB = 256 * 1024;
    private static final int MAX_FRAG = 4280;
    private static final int ACCEPTANCE = 0;
    private static final int PROVIDER_REJECTION = 2;
    private static final int NEGOTIATE_ACK = 3;
    private static final int ABSTRACT_NOT_SUPPORTED = 1;
    private static final int TRANSFER_NOT_SUPPORTED = 2;

    private final String secondaryAddress;
    private final List<RpcInterface> interfaces;
    private final Map<Integer, RpcInterface> contexts = new HashMap<>();
    private int maxFrag = MAX_FRAG;
    private int assocGroup;
    private ByteArrayOutputStream fragments;
    private int fragmentsCall;

    public RpcEndpoint(String secondaryAddress, List<RpcInterface> interfaces) {
        this.secondaryAddress = secondaryAddress;
        this.interfaces = List.copyOf(interfaces);
    }

    /** The PDUs answering one client PDU (none for a request fragment that is not the last). */
    public List<byte[]> accept(byte[] pdu) throws WireException {
        RpcPdu p = RpcPdu.decode(pdu);
        return switch (p) {
            case RpcPdu.Bind b when b.header().type() == RpcPdu.BIND -> List.of(bindAck(b, RpcPdu.BIND_ACK));
            case RpcPdu.Bind b -> List.of(bindAck(b, RpcPdu.ALTER_CONTEXT_RESP));
            case RpcPdu.Request r -> request(r);
            case RpcPdu.Other o -> other(o);
        };
    }

    private List<byte[]> other(RpcPdu.Other o) {
        // auth3, cancel, orphaned: nothing to answer without authentication or async calls
        log.debug("DCE/RPC PDU type {} ignored", o.header().type());
        return List.of();
    }

    private byte[] bindAck(RpcPdu.Bind b, int type) {
        if (b.header().type() == RpcPdu.BIND) {
            maxFrag = Math.clamp(Math.min(b.maxRecv(), b.maxXmit()), 1024, MAX_FRAG);
            assocGroup = b.assocGroup() != 0 ? b.assocGroup() : 0x12345;
        }
        SmbWriter w = RpcPdu.start(type, RpcPdu.FIRST_FRAG | RpcPdu.LAST_FRAG, b.header().callId());
        w.u16(maxFrag).u16(maxFrag).i32(assocGroup);
        byte[] addr = type == RpcPdu.BIND_ACK
                ? (secondaryAddress + "\0").getBytes(StandardCharsets.US_ASCII) : new byte[0];
        w.u16(addr.length).bytes(addr).align(4);
        w.u8(b.contexts().size()).u8(0).u16(0);
        for (RpcPdu.Context c : b.contexts()) {
            RpcInterface iface = interfaces.stream().filter(i -> i.syntax().sameAs(c.abstractSyntax())).findFirst()
                    .orElse(null);
            boolean ndr = c.transferSyntaxes().stream().anyMatch(t -> t.sameAs(SyntaxId.NDR));
            boolean features = c.transferSyntaxes().stream().anyMatch(SyntaxId::bindTimeFeatures);
            if (iface != null && ndr) {
                contexts.put(c.id(), iface);
                w.u16(ACCEPTANCE).u16(0);
                SyntaxId.NDR.encode(w);
            } else if (features) {
                w.u16(NEGOTIATE_ACK).u16(0);
                SyntaxId.NONE.encode(w);
            } else {
                w.u16(PROVIDER_REJECTION).u16(iface == null ? ABSTRACT_NOT_SUPPORTED : TRANSFER_NOT_SUPPORTED);
                SyntaxId.NONE.encode(w);
            }
        }
        return RpcPdu.finish(w);
    }

    private List<byte[]> request(RpcPdu.Request r) throws WireException {
        int flags = r.header().flags();
        byte[] stub = r.stub();
        if ((flags & RpcPdu.FIRST_FRAG) != 0) {
            fragments = null;
        }
        if ((flags & RpcPdu.LAST_FRAG) == 0 || fragments != null) {
            if (fragments == null) {
                if ((flags & RpcPdu.FIRST_FRAG) == 0) {
                    throw new WireException("request fragment without a first fragment");
                }
                fragments = new ByteArrayOutputStream();
                fragmentsCall = r.header().callId();
            }
            if (fragmentsCall != r.header().callId() || fragments.size() + stub.length > MAX_STUB) {
                fragments = null;
                throw new WireException("request fragments of mixed calls or over " + MAX_STUB + " bytes");
            }
            fragments.writeBytes(stub);
            if ((flags & RpcPdu.LAST_FRAG) == 0) {
                return List.of();
            }
            stub = fragments.toByteArray();
            fragments = null;
        }
        if (r.header().authLength() != 0) {
            return List.of(fault(r, RpcFault.PROTOCOL_ERROR));
        }
        RpcInterface iface = contexts.get(r.contextId());
        if (iface == null) {
            return List.of(fault(r, RpcFault.UNKNOWN_INTERFACE));
        }
        try {
            return response(r, iface.call(r.opnum(), stub));
        } catch (RpcFault f) {
            return List.of(fault(r, f.status()));
        } catch (WireException e) {
            log.debug("opnum {} stub refused: {}", r.opnum(), e.getMessage());
            return List.of(fault(r, RpcFault.NDR));
        }
    }

    private List<byte[]> response(RpcPdu.Request r, byte[] stub) {
        int room = maxFrag - RpcPdu.HEADER - 8;
        room -= room % 8;
        List<byte[]> out = new ArrayList<>();
        int at = 0;
        do {
            int n = Math.min(room, stub.length - at);
            int flags = (at == 0 ? RpcPdu.FIRST_FRAG : 0) | (at + n == stub.length ? RpcPdu.LAST_FRAG : 0);
            SmbWriter w = RpcPdu.start(RpcPdu.RESPONSE, flags, r.header().callId());
            w.i32(stub.length - at).u16(r.contextId()).u8(0).u8(0);
            w.bytes(java.util.Arrays.copyOfRange(stub, at, at + n));
            out.add(RpcPdu.finish(w));
            at += n;
        } while (at < stub.length);
        return out;
    }

    private static byte[] fault(RpcPdu.Request r, int status) {
        SmbWriter w = RpcPdu.start(RpcPdu.FAULT, RpcPdu.FIRST_FRAG | RpcPdu.LAST_FRAG, r.header().callId());
        w.i32(32).u16(r.contextId()).u8(0).u8(0).i32(status).i32(0);
        return RpcPdu.finish(w);
    }
}
