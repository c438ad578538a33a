package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.nfsclient.Fattr;
import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.RpcReply;
import io.dittofs.nfsclient.Sattr;
import io.dittofs.nfsclient.XdrOut;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All 22 NFSv3 procedures and their error statuses, through the Java client against the launcher jar. */
class Nfs3ProceduresIT {

    static final int UID = 1000;
    static final int OTHER = 2000;

    @TempDir
    static Path tmp;
    static Suite suite;
    static NfsClient c;
    static byte[] root;
    static byte[] home;

    @BeforeAll
    static void start() throws Exception {
        suite = Suite.start(tmp.resolve("data"));
        c = new NfsClient("127.0.0.1", suite.port, RpcClient.Auth.sys(UID, UID));
        root = c.mount("/export");
        var h = c.mkdir(root, "home-" + System.nanoTime(), Sattr.mode(0755));
        assertThat(h.status()).isEqualTo(Nfs3.OK);
        home = h.handle();
    }

    @AfterAll
    static void stop() throws Exception {
        if (c != null) {
            c.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void nullGetattrFsinfoFsstatPathconf() {
        c.nullCall();
        Fattr a = c.getattr(root).attr();
        assertThat(a.type()).isEqualTo(Fattr.DIR);
        var info = c.fsinfo(root);
        assertThat(info.status()).isEqualTo(Nfs3.OK);
        assertThat(info.rtmax()).isEqualTo(1 << 20);
        assertThat(info.wtmax()).isEqualTo(1 << 20);
        assertThat(info.maxFileSize()).isEqualTo(Long.MAX_VALUE);
        var st = c.fsstat(root);
        assertThat(st.status()).isEqualTo(Nfs3.OK);
        assertThat(st.totalBytes()).isPositive();
        var pc = c.pathconf(root);
        assertThat(pc.nameMax()).isEqualTo(255);
        assertThat(pc.noTrunc()).isTrue();
    }

    @Test
    void createWriteCommitReadSetattrAccessAndLargeOffsets() {
        var f = c.create(home, "data.bin", 1, Sattr.mode(0644));
        assertThat(f.status()).isEqualTo(Nfs3.OK);
        assertThat(f.attr().type()).isEqualTo(Fattr.REG);
        byte[] data = bytes("0123456789");
        var w = c.write(f.handle(), 0, data, Nfs3.UNSTABLE);
        assertThat(w.status()).isEqualTo(Nfs3.OK);
        assertThat(w.count()).isEqualTo(10);
        var cm = c.commit(f.handle(), 0, 0);
        assertThat(cm.status()).isEqualTo(Nfs3.OK);
        assertThat(cm.verifier()).isEqualTo(w.verifier());
        var r = c.read(f.handle(), 0, 100);
        assertThat(r.data()).isEqualTo(data);
        assertThat(r.eof()).isTrue();
        // beyond 4 GiB: 64-bit offsets and sizes
        long far = 5L << 30;
        assertThat(c.write(f.handle(), far, bytes("tail"), Nfs3.FILE_SYNC).status()).isEqualTo(Nfs3.OK);
        assertThat(c.getattr(f.handle()).attr().size()).isEqualTo(far + 4);
        assertThat(c.read(f.handle(), far, 4).data()).isEqualTo(bytes("tail"));
        assertThat(c.read(f.handle(), far - 4, 4).data()).containsExactly(0, 0, 0, 0);
        // truncate through SETATTR size
        var s = c.setattr(f.handle(), Sattr.size(3));
        assertThat(s.status()).isEqualTo(Nfs3.OK);
        assertThat(s.attr().size()).isEqualTo(3);
        assertThat(c.read(f.handle(), 0, 100).data()).isEqualTo(bytes("012"));
        assertThat(c.setattr(f.handle(), Sattr.mode(0600)).attr().mode() & 07777).isEqualTo(0600);
        assertThat(c.access(f.handle(), 0x3f).access() & 0x1).isEqualTo(0x1);
    }

    @Test
    void guardedAndExclusiveCreate() {
        assertThat(c.create(home, "g", 1, Sattr.NONE).status()).isEqualTo(Nfs3.OK);
        assertThat(c.create(home, "g", 1, Sattr.NONE).status()).isEqualTo(Nfs3.EXIST);
        assertThat(c.create(home, "g", 0, Sattr.NONE).status()).as("UNCHECKED opens an existing file").isEqualTo(Nfs3.OK);
        byte[] verf = {1, 2, 3, 4, 5, 6, 7, 8};
        var x1 = c.createExclusive(home, "x", verf);
        assertThat(x1.status()).isEqualTo(Nfs3.OK);
        var x2 = c.createExclusive(home, "x", verf);
        assertThat(x2.status()).as("a retry with the same verifier succeeds").isEqualTo(Nfs3.OK);
        assertThat(x2.handle()).isEqualTo(x1.handle());
        assertThat(c.createExclusive(home, "x", new byte[8]).status()).isEqualTo(Nfs3.EXIST);
    }

    @Test
    void lookupSymlinkReadlinkMknodLinkRenameRemoveRmdir() {
        byte[] d = c.mkdir(home, "ns", Sattr.mode(0755)).handle();
        byte[] f = c.create(d, "a", 1, Sattr.mode(0644)).handle();
        assertThat(c.lookup(d, "a").handle()).isEqualTo(f);
        assertThat(c.lookup(d, "..").status()).isEqualTo(Nfs3.OK);
        var l = c.symlink(d, "l", "a");
        assertThat(l.status()).isEqualTo(Nfs3.OK);
        assertThat(c.readlink(l.handle()).target()).isEqualTo("a");
        var fifo = c.mknod(d, "fifo", Fattr.FIFO, 0, 0);
        assertThat(fifo.status()).isEqualTo(Nfs3.OK);
        assertThat(fifo.attr().type()).isEqualTo(Fattr.FIFO);
        assertThat(c.mknod(d, "reg", Fattr.REG, 0, 0).status()).isEqualTo(Nfs3.BADTYPE);
        var ln = c.link(f, d, "b");
        assertThat(ln.status()).isEqualTo(Nfs3.OK);
        assertThat(ln.attr().nlink()).isEqualTo(2);
        assertThat(c.rename(d, "b", d, "c").status()).isEqualTo(Nfs3.OK);
        assertThat(c.lookup(d, "b").status()).isEqualTo(Nfs3.NOENT);
        assertThat(c.lookup(d, "c").handle()).isEqualTo(f);
        assertThat(c.remove(d, "c").status()).isEqualTo(Nfs3.OK);
        assertThat(c.getattr(f).attr().nlink()).isEqualTo(1);
        assertThat(c.rmdir(home, "ns").status()).isEqualTo(Nfs3.NOTEMPTY);
        for (String n : List.of("a", "l", "fifo")) {
            assertThat(c.remove(d, n).status()).as(n).isEqualTo(Nfs3.OK);
        }
        assertThat(c.rmdir(home, "ns").status()).isEqualTo(Nfs3.OK);
        assertThat(c.getattr(d).status()).as("handle of a removed directory").isEqualTo(Nfs3.STALE);
        assertThat(c.getattr(f).status()).as("handle of a removed file").isEqualTo(Nfs3.STALE);
    }

    @Test
    void errorStatuses() {
        byte[] f = c.create(home, "plain", 1, Sattr.mode(0600)).handle();
        byte[] d = c.mkdir(home, "dir", Sattr.mode(0755)).handle();
        assertThat(c.lookup(home, "nope").status()).isEqualTo(Nfs3.NOENT);
        assertThat(c.mkdir(home, "dir", Sattr.NONE).status()).isEqualTo(Nfs3.EXIST);
        assertThat(c.lookup(f, "x").status()).isEqualTo(Nfs3.NOTDIR);
        assertThat(c.remove(home, "dir").status()).isEqualTo(Nfs3.ISDIR);
        assertThat(c.rmdir(home, "plain").status()).isEqualTo(Nfs3.NOTDIR);
        assertThat(c.create(home, "n".repeat(256), 1, Sattr.NONE).status()).isEqualTo(Nfs3.NAMETOOLONG);
        assertThat(c.read(d, 0, 10).status()).isEqualTo(Nfs3.ISDIR);
        assertThat(c.write(d, 0, new byte[1], Nfs3.FILE_SYNC).status()).isIn(Nfs3.ISDIR, Nfs3.INVAL);
        byte[] forged = f.clone();
        forged[forged.length - 1] ^= 0x55;
        assertThat(c.getattr(forged).status()).isIn(Nfs3.STALE, Nfs3.BADHANDLE);
        assertThat(c.getattr(new byte[] {9, 9}).status()).isEqualTo(Nfs3.BADHANDLE);
        try (NfsClient other = new NfsClient("127.0.0.1", suite.port, RpcClient.Auth.sys(OTHER, OTHER))) {
            assertThat(other.read(f, 0, 10).status()).as("mode 0600 of another uid").isEqualTo(Nfs3.ACCES);
            assertThat(other.create(home, "intruder", 1, Sattr.NONE).status()).isEqualTo(Nfs3.ACCES);
            assertThat(other.setattr(f, Sattr.mode(0777)).status()).isIn(Nfs3.PERM, Nfs3.ACCES);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readdirAndReaddirplusPageWithCookiesAndVerifiers() {
        byte[] d = c.mkdir(home, "many", Sattr.mode(0755)).handle();
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            String n = "entry-with-a-longish-name-" + i;
            assertThat(c.create(d, n, 1, Sattr.NONE).status()).isEqualTo(Nfs3.OK);
            made.add(n);
        }
        // READDIR in small pages
        List<String> seen = new ArrayList<>();
        long cookie = 0;
        byte[] verf = new byte[8];
        int pages = 0;
        while (true) {
            var r = c.readdir(d, cookie, verf, 1024);
            assertThat(r.status()).isEqualTo(Nfs3.OK);
            pages++;
            r.entries().forEach(e -> seen.add(e.name()));
            if (r.eof()) {
                break;
            }
            cookie = r.entries().get(r.entries().size() - 1).cookie();
            verf = r.verifier();
        }
        assertThat(pages).isGreaterThan(3);
        assertThat(seen).contains(".", "..");
        assertThat(new HashSet<>(seen)).containsAll(made).hasSize(302);
        assertThat(seen).hasSize(302);
        // READDIRPLUS returns handles and attributes
        var p = c.readdirplus(d, 0, new byte[8], 4096, 32768);
        assertThat(p.status()).isEqualTo(Nfs3.OK);
        var e = p.entries().stream().filter(x -> x.name().startsWith("entry")).findFirst().orElseThrow();
        assertThat(e.handle()).isNotNull();
        assertThat(e.attr().type()).isEqualTo(Fattr.REG);
        assertThat(c.lookup(d, e.name()).handle()).isEqualTo(e.handle());
        // a buffer too small for one entry
        assertThat(c.readdir(d, 0, new byte[8], 100).status()).isEqualTo(Nfs3.TOOSMALL);
        // a cookie with a wrong verifier
        var first = c.readdir(d, 0, new byte[8], 1024);
        byte[] wrong = first.verifier().clone();
        wrong[0] ^= 1;
        long ck = first.entries().get(first.entries().size() - 1).cookie();
        assertThat(c.readdir(d, ck, wrong, 1024).status()).isEqualTo(Nfs3.BAD_COOKIE);
    }

    @Test
    void rpcReplyStatesOverTheWire() {
        RpcClient rpc = c.rpc();
        assertThat(rpc.call(100099, 1, 0, new byte[0]).stat()).isEqualTo(RpcReply.PROG_UNAVAIL);
        // NFS versions 3 and 4 are registered: version 2 (or 5) is PROG_MISMATCH naming 3..4
        RpcReply mm = rpc.call(Nfs3.PROGRAM, 2, 0, new byte[0]);
        assertThat(mm.stat()).isEqualTo(RpcReply.PROG_MISMATCH);
        assertThat(mm.detail()).isEqualTo(3);
        assertThat(mm.detail2()).isEqualTo(4);
        assertThat(rpc.call(Nfs3.PROGRAM, 5, 0, new byte[0]).stat()).isEqualTo(RpcReply.PROG_MISMATCH);
        assertThat(rpc.call(Nfs3.PROGRAM, 3, 22, new byte[0]).stat()).isEqualTo(RpcReply.PROC_UNAVAIL);
        assertThat(rpc.call(Nfs3.PROGRAM, 3, 1, new byte[] {0, 0, 0, 9}).stat()).isEqualTo(RpcReply.GARBAGE_ARGS);
        // an unknown credential flavor: MSG_DENIED / AUTH_ERROR / AUTH_REJECTEDCRED
        byte[] rec = new XdrOut().writeInt(77).writeInt(0).writeInt(2).writeInt(Nfs3.PROGRAM).writeInt(3).writeInt(0)
                .writeInt(6).writeOpaque(new byte[4]).writeInt(0).writeInt(0).toByteArray();
        RpcReply denied = rpc.callRaw(77, rec);
        assertThat(denied.accepted()).isFalse();
        assertThat(denied.stat()).isEqualTo(RpcReply.AUTH_ERROR);
        assertThat(denied.detail()).isEqualTo(2);
        // portmapper on the same port: GETPORT for NFS v3 over TCP is this port
        byte[] q = new XdrOut().writeInt(Nfs3.PROGRAM).writeInt(3).writeInt(6).writeInt(0).toByteArray();
        assertThat(rpc.call(100000, 2, 3, q).body().readInt()).isEqualTo(suite.port);
        assertThat(c.exports()).containsExactly("/export");
    }

    static byte[] callHeader(int xid, int prog, int vers, int proc) {
        return new XdrOut().writeInt(xid).writeInt(0).writeInt(2).writeInt(prog).writeInt(vers).writeInt(proc)
                .writeInt(0).writeInt(0).writeInt(0).writeInt(0).toByteArray();
    }

    @Test
    void portmapAndMountAnswerOverUdp() throws Exception {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(10_000);
            byte[] head = callHeader(4242, 100000, 2, 3);
            byte[] args = new XdrOut().writeInt(100005).writeInt(3).writeInt(17).writeInt(0).toByteArray();
            byte[] msg = java.util.Arrays.copyOf(head, head.length + args.length);
            System.arraycopy(args, 0, msg, head.length, args.length);
            s.send(new java.net.DatagramPacket(msg, msg.length, java.net.InetAddress.getLoopbackAddress(), suite.port));
            java.net.DatagramPacket reply = new java.net.DatagramPacket(new byte[512], 512);
            s.receive(reply);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(reply.getData(), 0, reply.getLength());
            assertThat(b.getInt()).isEqualTo(4242);
            assertThat(new int[] {b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt()}).containsExactly(1, 0, 0, 0, 0);
            assertThat(b.getInt()).as("MOUNT v3 over UDP is on the NFS port").isEqualTo(suite.port);
        }
    }

    @Test
    void multiFragmentRecordsAndPipelinedCallsOnOneConnection() throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", suite.port)) {
            java.io.DataOutputStream out = new java.io.DataOutputStream(s.getOutputStream());
            java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
            // one GETATTR split into three fragments
            byte[] call = new XdrOut().writeFixed(callHeader(1, Nfs3.PROGRAM, 3, 1)).writeOpaque(root).toByteArray();
            int a = 5;
            int b = 17;
            out.writeInt(a);
            out.write(call, 0, a);
            out.writeInt(b);
            out.write(call, a, b);
            out.writeInt(0x80000000 | (call.length - a - b));
            out.write(call, a + b, call.length - a - b);
            out.flush();
            int mark = in.readInt();
            byte[] reply = new byte[mark & 0x7fffffff];
            in.readFully(reply);
            java.nio.ByteBuffer r = java.nio.ByteBuffer.wrap(reply);
            assertThat(r.getInt()).isEqualTo(1);
            r.position(24);
            assertThat(r.getInt()).as("GETATTR status").isEqualTo(Nfs3.OK);
            // 50 calls sent before reading any reply: every one is answered exactly once
            Set<Integer> xids = new HashSet<>();
            for (int i = 100; i < 150; i++) {
                byte[] c2 = new XdrOut().writeFixed(callHeader(i, Nfs3.PROGRAM, 3, i % 2 == 0 ? 0 : 1)).writeOpaque(root)
                        .toByteArray();
                out.writeInt(0x80000000 | c2.length);
                out.write(c2);
                xids.add(i);
            }
            out.flush();
            Set<Integer> answered = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                int m = in.readInt();
                byte[] rep = new byte[m & 0x7fffffff];
                in.readFully(rep);
                answered.add(java.nio.ByteBuffer.wrap(rep).getInt());
            }
            assertThat(answered).isEqualTo(xids);
        }
    }
}
