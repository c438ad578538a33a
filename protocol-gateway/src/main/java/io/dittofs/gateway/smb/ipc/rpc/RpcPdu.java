package io.dittofs.gateway.smb.ipc.rpc;

import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.ArrayList;
import java.util.List;

/**
 * Connection-oriented DCE/RPC PDUs (C706 chapter 12, MS-RPCE 2.2.2) as a named pipe carries them:
 * the 16-byte common header and the bodies a server reads (bind, alter context, request) and
 * writes (bind_ack, response, fault, bind_nak). Only little-endian NDR data representation and no
 * authentication are accepted; every count is bounded by the PDU's own length.
 */
public sealed interface RpcPdu {

    int HEADER = 16;
    int REQUEST = 0;
    int RESPONSE = 2;
    int FAULT = 3;
    int BIND = 11;
    int BIND_ACK = 12;
    int BIND_NAK = 13;
    int ALTER_CONTEXT = 14;
    int ALTER_CONTEXT_RESP = 15;

    int FIRST_FRAG = 0x01;
    int LAST_FRAG = 0x02;
    int OBJECT_UUID = 0x80;

    /** Most contexts one bind may propose, most transfer syntaxes per context. */
    int MAX_CONTEXTS = 16;
    int MAX_TRANSFER = 8;

    /** The common header fields. */
    record Header(int type, int flags, int fragLength, int authLength, int callId) {
    }

    record Context(int id, SyntaxId abstractSyntax, List<SyntaxId> transferSyntaxes) {
        public Context {
            transferSyntaxes = List.copyOf(transferSyntaxes);
        }
    }

    record Bind(Header header, int maxXmit, int maxRecv, int assocGroup, List<Context> contexts) implements RpcPdu {
        public Bind {
            contexts = List.copyOf(contexts);
        }
    }

    record Request(Header header, int allocHint, int contextId, int opnum, byte[] stub) implements RpcPdu {
        public Request {
            stub = stub.clone();
        }

        @Override
        public byte[] stub() {
            return stub.clone();
        }
    }

    /** Any other type a client may send (auth3, orphaned, cancel, shutdown...): answered or ignored by type. */
    record Other(Header header) implements RpcPdu {
    }

    Header header();

    /** Length of the PDU at the start of {@code buf}, or -1 while fewer than its header bytes are there. */
    static int length(byte[] buf, int from, int to) throws WireException {
        if (to - from < HEADER) {
            return -1;
        }
        int len = (buf[from + 8] & 0xff) | (buf[from + 9] & 0xff) << 8;
        if (len < HEADER) {
            throw new WireException("DCE/RPC frag_length " + len);
        }
        return len;
    }

    static RpcPdu decode(byte[] pdu) throws WireException {
        SmbReader r = SmbReader.of(pdu);
        int vers = r.u8();
        int minor = r.u8();
        int type = r.u8();
        int flags = r.u8();
        byte[] drep = r.bytes(4);
        int fragLength = r.u16();
        int authLength = r.u16();
        int callId = r.i32();
        if (vers != 5 || minor > 1) {
            throw new WireException("DCE/RPC version " + vers + "." + minor);
        }
        if ((drep[0] & 0xf0) != 0x10 || drep[1] != 0) {
            throw new WireException("only little-endian ASCII/IEEE data representation is served");
        }
        if (fragLength != pdu.length) {
            throw new WireException("frag_length " + fragLength + " for " + pdu.length + " bytes");
        }
        Header h = new Header(type, flags, fragLength, authLength, callId);
        int bodyEnd = pdu.length - (authLength == 0 ? 0 : authLength + 8);
        if (bodyEnd < HEADER) {
            throw new WireException("auth_length " + authLength + " beyond the PDU");
        }
        return switch (type) {
            case BIND, ALTER_CONTEXT -> bind(h, new SmbReader(pdu, 0, bodyEnd));
            case REQUEST -> request(h, new SmbReader(pdu, 0, bodyEnd));
            default -> new Other(h);
        };
    }

    private static Bind bind(Header h, SmbReader r) throws WireException {
        r.seek(HEADER);
        int maxXmit = r.u16();
        int maxRecv = r.u16();
        int assoc = r.i32();
        int n = r.u8();
        r.skip(3);
        if (n > MAX_CONTEXTS) {
            throw new WireException(n + " presentation contexts");
        }
        List<Context> contexts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = r.u16();
            int nt = r.u8();
            r.skip(1);
            if (nt == 0 || nt > MAX_TRANSFER) {
                throw new WireException(nt + " transfer syntaxes");
            }
            SyntaxId abs = SyntaxId.decode(r);
            List<SyntaxId> ts = new ArrayList<>(nt);
            for (int j = 0; j < nt; j++) {
                ts.add(SyntaxId.decode(r));
            }
            contexts.add(new Context(id, abs, ts));
        }
        return new Bind(h, maxXmit, maxRecv, assoc, contexts);
    }

    private static Request request(Header h, SmbReader r) throws WireException {
        r.seek(HEADER);
        int allocHint = r.i32();
        int ctx = r.u16();
        int opnum = r.u16();
        if ((h.flags() & OBJECT_UUID) != 0) {
            r.skip(16);
        }
        return new Request(h, allocHint, ctx, opnum, r.bytes(r.remaining()));
    }

    /** The common header of a server PDU; frag_length is patched by {@link #finish}. */
    static SmbWriter start(int type, int flags, int callId) {
        SmbWriter w = new SmbWriter(128);
        w.u8(5).u8(0).u8(type).u8(flags).bytes(new byte[] {0x10, 0, 0, 0}).u16(0).u16(0).i32(callId);
        return w;
    }

    static byte[] finish(SmbWriter w) {
        w.setU16(8, w.position());
        return w.toByteArray();
    }
}
