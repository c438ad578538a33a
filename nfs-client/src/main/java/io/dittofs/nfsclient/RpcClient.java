package io.dittofs.nfsclient;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small ONC RPC client over TCP (RFC 5531 record marking) with AUTH_SYS or AUTH_NONE. One call at
 * a time per client; open several clients for parallelism. After {@link #serveCalls} the
 * connection also carries calls from the server (an NFSv4.1 back channel, RFC 8881 §2.10.3.1): a
 * reader thread then answers them and hands replies to the waiting callers.
 */
public final class RpcClient implements AutoCloseable {

    /** Largest reply accepted (a 1 MiB READ plus headers fits). */
    static final int MAX_REPLY = 4 * 1024 * 1024;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final AtomicInteger xids = new AtomicInteger((int) System.nanoTime());
    private volatile Auth auth;
    private volatile CallHandler handler;
    private final Map<Integer, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();

    /** Serves a call the server makes on this connection; returns the results (accept_stat SUCCESS). */
    @FunctionalInterface
    public interface CallHandler {
        byte[] handle(int program, int version, int procedure, XdrIn args);
    }

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

    /**
     * From now on a reader thread owns the socket's input: replies go to their callers by xid, calls
     * from the server go to {@code h}, whose results are sent back as accepted replies.
     */
    public synchronized void serveCalls(CallHandler h) {
        if (handler != null) {
            throw new IllegalStateException("already serving calls");
        }
        handler = h;
        Thread.ofVirtual().name("rpc-client-reader").start(this::readLoop);
    }

    private void readLoop() {
        try {
            while (true) {
                byte[] rec = readRecord(in);
                XdrIn r = new XdrIn(rec);
                int xid = r.readInt();
                if (r.readInt() == 0) {
                    answer(xid, r);
                } else {
                    CompletableFuture<byte[]> f = pending.remove(xid);
                    if (f != null) {
                        f.complete(rec);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            RpcException failure = new RpcException("RPC transport failed: " + e.getMessage(), e);
            pending.values().forEach(f -> f.completeExceptionally(failure));
        }
    }

    /** A call from the server: rpcvers, prog, vers, proc, credential and verifier, then its arguments. */
    private void answer(int xid, XdrIn r) throws IOException {
        r.readInt();
        int prog = r.readInt();
        int vers = r.readInt();
        int proc = r.readInt();
        r.readInt();
        r.readOpaque();
        r.readInt();
        r.readOpaque();
        byte[] results = handler.handle(prog, vers, proc, r);
        byte[] head = new XdrOut().writeInt(xid).writeInt(1).writeInt(0).writeInt(0).writeInt(0).writeInt(0)
                .toByteArray();
        writeRecord(head, results);
    }

    private void writeRecord(byte[] head, byte[] args) throws IOException {
        synchronized (writeLock) {
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(0x80000000 | (head.length + args.length));
            d.write(head);
            d.write(args);
            d.flush();
        }
    }

    private RpcReply exchange(int xid, byte[] head, byte[] args) {
        if (handler != null) {
            return exchangeDemultiplexed(xid, head, args);
        }
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

    private RpcReply exchangeDemultiplexed(int xid, byte[] head, byte[] args) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        pending.put(xid, f);
        try {
            writeRecord(head, args);
            XdrIn r = new XdrIn(f.get(120, TimeUnit.SECONDS));
            return parse(r.readInt(), r);
        } catch (IOException | TimeoutException e) {
            throw new RpcException("RPC call failed: " + e, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RpcException re ? re : new RpcException("RPC call failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted", e);
        } finally {
            pending.remove(xid);
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
