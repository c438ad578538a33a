package io.dittofs.gateway.smb.ipc.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.smb.ipc.srvsvc.ShareInfo;
import io.dittofs.gateway.smb.ipc.srvsvc.Srvsvc;
import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DCE/RPC bind and srvsvc calls built by hand from C706 / MS-SRVS and decoded back field by field,
 * plus the byte layout of a bind_ack and a NetShareGetInfo level 1 answer.
 */
public class SrvsvcTest {

    static final List<ShareInfo> SHARES = List.of(
            new ShareInfo("export", ShareInfo.STYPE_DISKTREE, "", "C:\\export", 0),
            new ShareInfo("IPC$", ShareInfo.STYPE_IPC | ShareInfo.STYPE_SPECIAL, "IPC Service", "", 0));

    /** A bind proposing srvsvc with NDR (context 0), NDR64 (context 1) and bind-time features (context 2). */
    public static byte[] bind(int callId) {
        SmbWriter w = new SmbWriter(200);
        w.u8(5).u8(0).u8(RpcPdu.BIND).u8(3).bytes(new byte[] {0x10, 0, 0, 0}).u16(0).u16(0).i32(callId);
        w.u16(4280).u16(4280).i32(0).u8(3).u8(0).u16(0);
        w.u16(0).u8(1).u8(0);
        Srvsvc.SYNTAX.encode(w);
        SyntaxId.NDR.encode(w);
        w.u16(1).u8(1).u8(0);
        Srvsvc.SYNTAX.encode(w);
        SyntaxId.of("71710533-beba-4937-8319-b5dbef9ccc36", 1).encode(w);
        w.u16(2).u8(1).u8(0);
        Srvsvc.SYNTAX.encode(w);
        SyntaxId.of("6cb71c2c-9812-4540-0300-000000000000", 1).encode(w);
        byte[] b = w.toByteArray();
        SmbWriter.setI32(b, 8, b.length); // frag_length (auth_length 0 in the high half)
        return b;
    }

    public static byte[] request(int callId, int opnum, byte[] stub) {
        SmbWriter w = new SmbWriter(64 + stub.length);
        w.u8(5).u8(0).u8(RpcPdu.REQUEST).u8(3).bytes(new byte[] {0x10, 0, 0, 0}).u16(24 + stub.length).u16(0)
                .i32(callId).i32(stub.length).u16(0).u16(opnum).bytes(stub);
        return w.toByteArray();
    }

    /** NetShareEnumAll(ServerName "\\127.0.0.1", level, container with no buffer, max -1, resume 0). */
    public static byte[] enumAllStub(int level) {
        NdrWriter w = new NdrWriter();
        w.pointer(true).string("\\\\127.0.0.1");
        w.u32(level).u32(level).pointer(true).u32(0).pointer(false);
        w.u32(-1).pointer(true).u32(0);
        return w.toByteArray();
    }

    @Test
    void bindAcceptsNdrRejectsNdr64AndAcknowledgesFeatures() throws WireException {
        RpcEndpoint ep = new RpcEndpoint("\\PIPE\\srvsvc", List.of(new Srvsvc(() -> SHARES)));
        byte[] ack = ep.accept(bind(1)).getFirst();
        SmbReader r = SmbReader.of(ack);
        assertThat(r.u8()).isEqualTo(5);
        r.skip(1);
        assertThat(r.u8()).isEqualTo(RpcPdu.BIND_ACK);
        r.skip(5);
        assertThat(r.u16()).isEqualTo(ack.length);
        r.skip(6);
        assertThat(r.u16()).isEqualTo(4280);
        assertThat(r.u16()).isEqualTo(4280);
        assertThat(r.i32()).isNotZero();
        int addrLen = r.u16();
        assertThat(new String(r.bytes(addrLen), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("\\PIPE\\srvsvc\0");
        r.seek((r.position() + 3) & ~3);
        assertThat(r.u8()).isEqualTo(3);
        r.skip(3);
        assertThat(r.u16()).as("NDR accepted").isZero();
        r.skip(2);
        assertThat(SyntaxId.decode(r)).isEqualTo(SyntaxId.NDR);
        assertThat(r.u16()).as("NDR64 rejected").isEqualTo(2);
        assertThat(r.u16()).isEqualTo(2);
        SyntaxId.decode(r);
        assertThat(r.u16()).as("bind time feature negotiation acknowledged").isEqualTo(3);
        r.skip(22);
        assertThat(r.remaining()).isZero();
    }

    private static List<String[]> enumerate(byte[] stub, int level) throws WireException {
        NdrReader r = new NdrReader(stub);
        assertThat(r.u32()).isEqualTo(level);
        assertThat(r.u32()).isEqualTo(level);
        assertThat(r.pointer()).isTrue();
        int n = r.u32();
        assertThat(r.pointer()).isTrue();
        assertThat(r.u32()).isEqualTo(n);
        List<int[]> fixed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            r.pointer();
            int type = r.u32();
            r.pointer();
            if (level == 2) {
                r.u32();
                r.u32();
                r.u32();
                r.pointer();
                assertThat(r.pointer()).as("no password").isFalse();
            }
            fixed.add(new int[] {type});
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = r.string();
            String remark = r.string();
            String path = level == 2 ? r.string() : null;
            out.add(new String[] {name, Integer.toHexString(fixed.get(i)[0]), remark, path});
        }
        assertThat(r.u32()).as("TotalEntries").isEqualTo(n);
        assertThat(r.pointer()).isTrue();
        assertThat(r.u32()).as("resume handle").isZero();
        assertThat(r.u32()).as("WERR_OK").isZero();
        assertThat(r.remaining()).isZero();
        return out;
    }

    private static byte[] stubOf(byte[] response) throws WireException {
        SmbReader r = SmbReader.of(response);
        r.skip(2);
        assertThat(r.u8()).as("a response PDU").isEqualTo(RpcPdu.RESPONSE);
        assertThat(r.u8()).isEqualTo(3);
        r.seek(24);
        return r.bytes(r.remaining());
    }

    @Test
    void netShareEnumAllListsLevels1And2() throws WireException {
        RpcEndpoint ep = new RpcEndpoint("\\PIPE\\srvsvc", List.of(new Srvsvc(() -> SHARES)));
        ep.accept(bind(1));
        List<String[]> l1 = enumerate(stubOf(ep.accept(request(2, 15, enumAllStub(1))).getFirst()), 1);
        assertThat(l1).hasSize(2);
        assertThat(l1.get(0)).containsExactly("export", "0", "", null);
        assertThat(l1.get(1)).containsExactly("IPC$", "80000003", "IPC Service", null);
        List<String[]> l2 = enumerate(stubOf(ep.accept(request(3, 15, enumAllStub(2))).getFirst()), 2);
        assertThat(l2.get(0)).containsExactly("export", "0", "", "C:\\export");
    }

    @Test
    void netShareGetInfoLevel1BytesAndErrors() throws WireException {
        RpcEndpoint ep = new RpcEndpoint("\\PIPE\\srvsvc", List.of(new Srvsvc(() -> SHARES)));
        ep.accept(bind(1));
        NdrWriter req = new NdrWriter();
        req.pointer(true).string("srv").string("export").u32(1);
        byte[] stub = stubOf(ep.accept(request(2, 16, req.toByteArray())).getFirst());
        // level, referent, {netname referent, type 0, remark referent}, "export\0", "\0", WERR_OK
        assertThat(HexFormat.of().formatHex(stub)).isEqualTo("01000000" + "04000200" + "08000200" + "00000000"
                + "0c000200" + "07000000" + "00000000" + "07000000" + "6500780070006f0072007400" + "0000" + "0000"
                + "01000000" + "00000000" + "01000000" + "0000" + "0000" + "00000000");

        NdrWriter missing = new NdrWriter();
        missing.pointer(false).string("nosuch").u32(1);
        NdrReader r = new NdrReader(stubOf(ep.accept(request(3, 16, missing.toByteArray())).getFirst()));
        assertThat(r.u32()).isEqualTo(1);
        assertThat(r.pointer()).isFalse();
        assertThat(r.u32()).as("WERR_NET_NAME_NOT_FOUND").isEqualTo(0x906);

        NdrWriter l1005 = new NdrWriter();
        l1005.pointer(false).string("EXPORT").u32(1005);
        r = new NdrReader(stubOf(ep.accept(request(4, 16, l1005.toByteArray())).getFirst()));
        assertThat(r.u32()).isEqualTo(1005);
        assertThat(r.pointer()).isTrue();
        assertThat(r.u32()).as("flags").isZero();
        assertThat(r.u32()).isZero();
    }

    @Test
    void netServerGetInfoLevel101() throws WireException {
        RpcEndpoint ep = new RpcEndpoint("\\PIPE\\srvsvc", List.of(new Srvsvc(() -> SHARES, "NAS1")));
        ep.accept(bind(1));
        NdrWriter req = new NdrWriter();
        req.pointer(true).string("\\\\127.0.0.1").u32(101);
        NdrReader r = new NdrReader(stubOf(ep.accept(request(2, 21, req.toByteArray())).getFirst()));
        assertThat(r.u32()).isEqualTo(101);
        assertThat(r.pointer()).isTrue();
        assertThat(r.u32()).as("PLATFORM_ID_NT").isEqualTo(500);
        assertThat(r.pointer()).isTrue();
        assertThat(r.u32()).as("major").isEqualTo(10);
        assertThat(r.u32()).as("minor").isZero();
        assertThat(r.u32()).as("workstation, server, NT server").isEqualTo(0x8003);
        assertThat(r.pointer()).isTrue();
        assertThat(r.string()).isEqualTo("NAS1");
        assertThat(r.string()).isEqualTo("DittoFS");
        assertThat(r.u32()).isZero();
        assertThat(r.remaining()).isZero();

        NdrWriter bad = new NdrWriter();
        bad.pointer(false).u32(102);
        NdrReader e = new NdrReader(stubOf(ep.accept(request(3, 21, bad.toByteArray())).getFirst()));
        assertThat(e.u32()).isEqualTo(102);
        assertThat(e.pointer()).isFalse();
        assertThat(e.u32()).as("WERR_INVALID_LEVEL").isEqualTo(124);
    }

    @Test
    void unknownOpnumsAndContextsFault() throws WireException {
        RpcEndpoint ep = new RpcEndpoint("\\PIPE\\srvsvc", List.of(new Srvsvc(() -> SHARES)));
        byte[] unbound = ep.accept(request(1, 15, enumAllStub(1))).getFirst();
        assertThat(unbound[2]).isEqualTo((byte) RpcPdu.FAULT);
        assertThat(SmbReader.of(unbound).slice(0, 24, 4)).isEqualTo(new byte[] {3, 0, 1, 0x1c});
        ep.accept(bind(2));
        byte[] op = ep.accept(request(3, 99, new byte[0])).getFirst();
        assertThat(op[2]).isEqualTo((byte) RpcPdu.FAULT);
        assertThat(SmbReader.of(op).slice(0, 24, 4)).isEqualTo(new byte[] {2, 0, 1, 0x1c});
    }

    @Test
    void fragmentedRequestsAreReassembledAndLongAnswersFragmented() throws WireException {
        List<ShareInfo> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(new ShareInfo("share-with-a-long-name-" + i, 0, "a remark long enough to fill fragments", "C:\\x", 0));
        }
        RpcEndpoint ep = new RpcEndpoint("\\PIPE\\srvsvc", List.of(new Srvsvc(() -> many)));
        ep.accept(bind(1));
        byte[] stub = enumAllStub(1);
        byte[] first = request(2, 15, java.util.Arrays.copyOf(stub, 10));
        first[3] = RpcPdu.FIRST_FRAG;
        byte[] last = request(2, 15, java.util.Arrays.copyOfRange(stub, 10, stub.length));
        last[3] = RpcPdu.LAST_FRAG;
        assertThat(ep.accept(first)).isEmpty();
        List<byte[]> answer = ep.accept(last);
        assertThat(answer.size()).isGreaterThan(3);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < answer.size(); i++) {
            byte[] f = answer.get(i);
            assertThat(f.length).isLessThanOrEqualTo(4280);
            assertThat(f[3] & 3).isEqualTo((i == 0 ? 1 : 0) | (i == answer.size() - 1 ? 2 : 0));
            all.writeBytes(java.util.Arrays.copyOfRange(f, 24, f.length));
        }
        assertThat(enumerate(all.toByteArray(), 1)).hasSize(200);
    }
}
