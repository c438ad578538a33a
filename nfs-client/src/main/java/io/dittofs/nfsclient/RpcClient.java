package io.dittofs.nfsclient;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small ONC RPC client over TCP (RFC 5531 record marking) with AUTH_SYS or AUTH_NONE. One call at
 * a time per client; open several clients for parallelism.
 */
public final class RpcClient implements AutoCloseable {

    /** Largest reply accepted (a 1 MiB READ plus headers fits). */
    static final int MAX_REPLY = 4 * 1024 * 1024;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final AtomicInteger xids = new AtomicInteger((int) System.nanoTime());
    private volatile Auth auth;

    /** Credential sent with each call. */
    public record Auth(int uid, int gid, int[] gids, boolean anonymous) {
        public static Auth sys(int uid, int gid, int... gids) {
            return new Auth(uid, gid, gids, false);
        }

        public static Auth authNone() {
            return new Auth(0, 0, new int[0], true);
        }
    }

    public RpcClient(String host, int port, Auth auth) throws IOException {
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(120_000);
        this.in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16));
        this.out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        this.auth = auth;
    }

    public void auth(Auth auth) {
        this.auth = auth;
    }

    public Auth auth() {
        return auth;
    }

    /** Calls with the client's credential; returns the decoded reply header and body. */
    public synchronized RpcReply call(int program, int version, int procedure, byte[] args) {
        int xid = xids.incrementAndGet();
        XdrOut h = new XdrOut().writeInt(xid).writeInt(0).writeInt(2).writeInt(program).writeInt(version)
                .writeInt(procedure);
        Auth a = auth;
        if (a.anonymous()) {
            h.writeInt(0).writeInt(0);
        } else {
            XdrOut cred = new XdrOut().writeInt(0).writeString("dittofs-client").writeInt(a.uid()).writeInt(a.gid())
                    .writeInt(a.gids().length);
            for (int g : a.gids()) {
                cred.writeInt(g);
            }
            h.writeInt(1).writeOpaque(cred.toByteArray());
        }
        h.writeInt(0).writeInt(0);
        byte[] head = h.toByteArray();
        return exchange(xid, head, args);
    }

    /** Sends raw record bytes (tests of malformed input) and reads one reply. */
    public synchronized RpcReply callRaw(int xid, byte[] record) {
        return exchange(xid, record, new byte[0]);
    }

    private RpcReply exchange(int xid, byte[] head, byte[] args) {
        try {
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(0x80000000 | (head.length + args.length));
            d.write(head);
            d.write(args);
            d.flush();
            while (true) {
                byte[] reply = readRecord(in);
                XdrIn r = new XdrIn(reply);
                int rxid = r.readInt();
                if (rxid != xid) {
                    continue; // a late reply to an earlier, timed-out call
                }
                return parse(rxid, r);
            }
        } catch (IOException e) {
            throw new RpcException("RPC transport failed: " + e.getMessage(), e);
        }
    }

    static byte[] readRecord(InputStream s) throws IOException {
        DataInputStream in = s instanceof DataInputStream d ? d : new DataInputStream(s);
        java.io.ByteArrayOutputStream acc = new java.io.ByteArrayOutputStream();
        boolean last = false;
        while (!last) {
            int mark = in.readInt();
            last = mark < 0;
            int len = mark & 0x7fffffff;
            if (acc.size() + (long) len > MAX_REPLY) {
                throw new IOException("reply record larger than " + MAX_REPLY);
            }
            byte[] frag = new byte[len];
            in.readFully(frag);
            acc.write(frag);
        }
        return acc.toByteArray();
    }

    private static RpcReply parse(int xid, XdrIn r) {
        if (r.readInt() != 1) {
            throw new RpcException("not a reply");
        }
        if (r.readInt() == 1) {
            int reject = r.readInt();
            if (reject == RpcReply.RPC_MISMATCH) {
                return new RpcReply(xid, false, reject, r.readInt(), r.readInt(), null);
            }
            return new RpcReply(xid, false, reject, r.readInt(), 0, null);
        }
        r.readInt();
        r.readOpaque();
        int accept = r.readInt();
        if (accept == RpcReply.PROG_MISMATCH) {
            return new RpcReply(xid, true, accept, r.readInt(), r.readInt(), null);
        }
        return new RpcReply(xid, true, accept, 0, 0, r);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
