package io.dittofs.nfsclient.v4;

import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.RpcException;
import io.dittofs.nfsclient.RpcReply;
import io.dittofs.nfsclient.XdrIn;
import io.dittofs.nfsclient.XdrOut;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * A small NFSv4.1 client (RFC 8881) over one TCP connection: EXCHANGE_ID, CREATE_SESSION (one fore
 * channel slot), SEQUENCE before every other compound, and the operations the e2e tests need.
 * Established with {@link #establish()}, it refuses delegations (OPEN4_SHARE_ACCESS_WANT_NO_DELEG)
 * and has no back channel; with {@link #establishWithDelegations()} the connection is also the
 * session's back channel and recalled delegations are returned at once (CB_RECALL, then
 * DELEGRETURN). One compound at a time: callers are serialised.
 */
public final class Nfs4Client implements AutoCloseable {

    public static final int PROGRAM = 100003;
    public static final int VERSION = 4;
    public static final int ACCESS_READ = 1;
    public static final int ACCESS_WRITE = 2;
    public static final int ACCESS_BOTH = 3;
    public static final int UNSTABLE = 0;
    public static final int FILE_SYNC = 2;
    public static final int READ_LT = 1;
    public static final int WRITE_LT = 2;

    static final int OP_CLOSE = 4;
    static final int OP_COMMIT = 5;
    static final int OP_GETATTR = 9;
    static final int OP_GETFH = 10;
    static final int OP_LOCK = 12;
    static final int OP_LOCKU = 14;
    static final int OP_LOOKUP = 15;
    static final int OP_OPEN = 18;
    static final int OP_PUTFH = 22;
    static final int OP_PUTROOTFH = 24;
    static final int OP_READ = 25;
    static final int OP_REMOVE = 28;
    static final int OP_WRITE = 38;
    static final int OP_EXCHANGE_ID = 42;
    static final int OP_DELEGRETURN = 8;
    static final int OP_CREATE_SESSION = 43;
    static final int OP_DESTROY_SESSION = 44;
    static final int OP_SEQUENCE = 53;
    static final int OP_DESTROY_CLIENTID = 57;
    static final int OP_RECLAIM_COMPLETE = 58;

    private static final int WANT_NO_DELEG = 0x0400;
    private static final int DELAY = 10008;
    private static final int CREATE_SESSION4_FLAG_CONN_BACK_CHAN = 0x2;
    private static final int CB_PROGRAM = 0x40000000;
    private static final int FATTR_SIZE = 4;
    private static final int CHANNEL_MAX = 1 << 21;

    /** An open file: its handle, the open stateid and the delegation granted with it (NONE: 0, READ: 1, WRITE: 2). */
    public record Opened(byte[] fh, Stateid stateid, int delegationType, Stateid delegation) {
    }

    /** READ's result. */
    public record ReadResult(boolean eof, byte[] data) {
    }

    private final String host;
    private final int port;
    private final RpcClient.Auth auth;
    private RpcClient rpc;
    private final byte[] owner;
    private long clientId;
    private int createSessionSeq;
    private byte[] sessionId;
    private int slotSeq;
    private int ownerSeq;
    private boolean delegations;
    private final Nfs4Callbacks callbacks = new Nfs4Callbacks(this::returnDelegation);

    /** Connects; {@link #establish()} must follow before any file operation. */
    public Nfs4Client(String host, int port, RpcClient.Auth auth) throws IOException {
        this.host = host;
        this.port = port;
        this.auth = auth;
        this.rpc = new RpcClient(host, port, auth);
        byte[] nonce = new byte[8];
        new SecureRandom().nextBytes(nonce);
        this.owner = ("dittofs-nfs4-client-" + java.util.HexFormat.of().formatHex(nonce)).getBytes(StandardCharsets.UTF_8);
    }

    public RpcClient rpc() {
        return rpc;
    }

    public long clientId() {
        return clientId;
    }

    /** EXCHANGE_ID, CREATE_SESSION and RECLAIM_COMPLETE: the client is ready for file operations. */
    public void establish() {
        establish(false);
    }

    /**
     * As {@link #establish()}, with this connection bound as the session's back channel: OPENs then
     * accept the delegations the server offers, and a CB_RECALL is answered and the delegation
     * returned with DELEGRETURN.
     */
    public void establishWithDelegations() {
        rpc.serveCalls(callbacks);
        establish(true);
    }

    /** The recalls this client received (CB_RECALL) and answered by returning the delegation. */
    public Nfs4Callbacks callbacks() {
        return callbacks;
    }

    private synchronized void establish(boolean backChannel) {
        delegations = backChannel;
        Compound x = new Compound().op(OP_EXCHANGE_ID);
        x.args.writeFixed(new byte[8]).writeOpaque(owner).writeInt(0).writeInt(0).writeInt(0);
        XdrIn r = send(x, 1).next(OP_EXCHANGE_ID);
        clientId = r.readLong();
        createSessionSeq = r.readInt();
        createSession(backChannel);

        Compound rc = sequenced().op(OP_RECLAIM_COMPLETE);
        rc.args.writeBool(false);
        sendSequenced(rc).next(OP_RECLAIM_COMPLETE);
    }

    /**
     * A new connection and a new session for the same client id, as after a server (gateway)
     * restart: the client's opens and locks, kept by the server, stay valid; no RECLAIM_COMPLETE
     * is sent again (it was sent for this client id).
     */
    public synchronized void reconnect() throws IOException {
        rpc.close();
        rpc = new RpcClient(host, port, auth);
        createSessionSeq++;
        createSession(false);
    }

    private void createSession(boolean backChannel) {
        Compound cs = new Compound().op(OP_CREATE_SESSION);
        cs.args.writeLong(clientId).writeInt(createSessionSeq)
                .writeInt(backChannel ? CREATE_SESSION4_FLAG_CONN_BACK_CHAN : 0);
        channel(cs.args, 8);
        channel(cs.args, 1);
        cs.args.writeInt(CB_PROGRAM).writeInt(1).writeInt(0); // cb_program, one AUTH_NONE callback security
        XdrIn s = send(cs, 1).next(OP_CREATE_SESSION);
        sessionId = s.readFixed(16);
        slotSeq = 0;
    }

    private static void channel(XdrOut out, int slots) {
        out.writeInt(0).writeInt(CHANNEL_MAX).writeInt(CHANNEL_MAX).writeInt(8192).writeInt(16).writeInt(slots)
                .writeInt(0);
    }

    /** PUTROOTFH and a LOOKUP per component of {@code path}: the handle of the object. */
    public synchronized byte[] lookup(String path) {
        Compound c = sequenced().op(OP_PUTROOTFH);
        int lookups = 0;
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                c.op(OP_LOOKUP).args.writeString(part);
                lookups++;
            }
        }
        c.op(OP_GETFH);
        Compound.Reply r = sendSequenced(c);
        r.next(OP_PUTROOTFH);
        for (int i = 0; i < lookups; i++) {
            r.next(OP_LOOKUP);
        }
        return r.next(OP_GETFH).readOpaque();
    }

    /** OPEN by name in {@code dir} (CLAIM_NULL), creating it (UNCHECKED4, mode 0644) when {@code create}. */
    public Opened open(byte[] dir, String name, int access, boolean create) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return openOnce(dir, name, access, create);
            } catch (Nfs4Exception e) {
                // DELAY: the server is recalling another client's delegation first (RFC 8881 §10.4.4)
                if (e.status() != DELAY || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RpcException("interrupted while the server recalled a delegation");
            }
        }
    }

    private synchronized Opened openOnce(byte[] dir, String name, int access, boolean create) {
        Compound c = sequenced().op(OP_PUTFH);
        c.args.writeOpaque(dir);
        c.op(OP_OPEN).args.writeInt(0).writeInt(delegations ? access : access | WANT_NO_DELEG).writeInt(0)
                .writeLong(clientId)
                .writeOpaque(("open-owner-" + (ownerSeq++)).getBytes(StandardCharsets.UTF_8));
        if (create) {
            // OPEN4_CREATE, UNCHECKED4, fattr4 {mode = 0644}
            c.args.writeInt(1).writeInt(0).writeInt(2).writeInt(0).writeInt(1 << (33 - 32)).writeInt(4).writeInt(0644);
        } else {
            c.args.writeInt(0);
        }
        c.args.writeInt(0).writeString(name);
        c.op(OP_GETFH);
        Compound.Reply r = sendSequenced(c);
        r.next(OP_PUTFH);
        XdrIn o = r.next(OP_OPEN);
        Stateid stateid = Stateid.read(o);
        o.readBool();
        o.readLong();
        o.readLong();
        o.readInt();
        skipBitmap(o);
        int type = o.readInt();
        Stateid deleg = type == 1 || type == 2 ? Stateid.read(o) : null;
        skipDelegation(type, o);
        return new Opened(r.next(OP_GETFH).readOpaque(), stateid, deleg == null ? 0 : type, deleg);
    }

    /** DELEGRETURN of a delegation the server recalled. */
    private synchronized void returnDelegation(byte[] fh, Stateid delegation) {
        Compound c = sequenced().op(OP_PUTFH);
        c.args.writeOpaque(fh);
        c.op(OP_DELEGRETURN);
        delegation.write(c.args);
        Compound.Reply r = sendSequenced(c);
        r.next(OP_PUTFH);
        r.next(OP_DELEGRETURN);
    }

    /** WRITE at {@code offset}; returns the count the server wrote. */
    public synchronized int write(Opened f, long offset, byte[] data, int stable) {
        Compound c = sequenced().op(OP_PUTFH);
        c.args.writeOpaque(f.fh());
        c.op(OP_WRITE);
        f.stateid().write(c.args);
        c.args.writeLong(offset).writeInt(stable).writeOpaque(data);
        Compound.Reply r = sendSequenced(c);
        r.next(OP_PUTFH);
        return r.next(OP_WRITE).readInt();
    }

    /** COMMIT of the whole file. */
    public synchronized void commit(byte[] fh) {
        Compound c = sequenced().op(OP_PUTFH);
        c.args.writeOpaque(fh);
        c.op(OP_COMMIT).args.writeLong(0).writeInt(0);
        Compound.Reply r = sendSequenced(c);
        r.next(OP_PUTFH);
        r.next(OP_COMMIT);
    }

    public synchronized ReadResult read(Opened f, long offset, int count) {
        Compound c = sequenced().op(OP_PUTFH);
        c.args.writeOpaque(f.fh());
        c.op(OP_READ);
        f.stateid().write(c.args);
        c.args.writeLong(offset).writeInt(count);
        Compound.Reply r = sendSequenced(c);
        r.next(OP_PUTFH);
        XdrIn in = r.next(OP_READ);
        boolean eof = in.readBool();
        return new ReadResult(eof, in.readOpaque());
    }

    /** GETATTR size. */
    public synchronized long size(byte[] fh) {
        Compound c = sequenced().op(OP_PUTFH);
        c.args.writeOpaque(fh);
        c.op(OP_GETATTR).args.writeInt(1).writeInt(1 << FATTR_SIZE);
        Compound.Reply r = sendSequenced(c);
        r.next(OP_PUTFH);
        XdrIn in = r.next(OP_GETATTR);
        skipBitmap(in);
        XdrIn vals = new XdrIn(in.readOpaque());
        return vals.readLong();
    }

    /** PUTFH {@code dir}, LOOKUP {@code name}, GETATTR size in one compound: a stat by name. */
    public synchronized long statSize(byte[] dir, String name) {
        Compound c = sequenced().op(OP_PUTFH);
        c.args.writeOpaque(dir);
        c.op(OP_LOOKUP).args.writeString(name);
        c.op(OP_GETATTR).args.writeInt(1).writeInt(1 << FATTR_SIZE);
        Compound.Reply r = sendSequenced(c);
        r.next(OP_PUTFH);
        r.next(OP_LOOKUP);
        XdrIn in = r.next(OP_GETATTR);
        skipBitmap(in);
        return new XdrIn(in.readOpaque()).readLong();
    }

    /** CLOSE; the open stateid is no longer valid after it. */
    public synchronized void close(Opened f) {
        Compound c = sequenced().op(OP_PUTFH);
        c.args.writeOpaque(f.fh());
        c.op(OP_CLOSE).args.writeInt(0);
        f.stateid().write(c.args);
        Compound.Reply r = sendSequenced(c);
        r.next(OP_PUTFH);
        r.next(OP_CLOSE);
    }

    /** REMOVE {@code name} from {@code dir}. */
    public synchronized void remove(byte[] dir, String name) {
        Compound c = sequenced().op(OP_PUTFH);
        c.args.writeOpaque(dir);
        c.op(OP_REMOVE).args.writeString(name);
        Compound.Reply r = sendSequenced(c);
        r.next(OP_PUTFH);
        r.next(OP_REMOVE);
    }

    /**
     * LOCK of a new lock owner (open_to_lock_owner4 from the open stateid): returns the lock stateid.
     * A conflict is an {@link Nfs4Exception} with NFS4ERR_DENIED (10010).
     */
    public synchronized Stateid lock(Opened f, int type, long offset, long length) {
        Compound c = sequenced().op(OP_PUTFH);
        c.args.writeOpaque(f.fh());
        c.op(OP_LOCK).args.writeInt(type).writeBool(false).writeLong(offset).writeLong(length).writeBool(true)
                .writeInt(0);
        f.stateid().write(c.args);
        c.args.writeInt(0).writeLong(clientId).writeOpaque(("lock-owner-" + (ownerSeq++)).getBytes(StandardCharsets.UTF_8));
        Compound.Reply r = sendSequenced(c);
        r.next(OP_PUTFH);
        return Stateid.read(r.next(OP_LOCK));
    }

    /** LOCKU of a range held with {@code lock}; returns the updated lock stateid. */
    public synchronized Stateid unlock(Opened f, Stateid lock, int type, long offset, long length) {
        Compound c = sequenced().op(OP_PUTFH);
        c.args.writeOpaque(f.fh());
        c.op(OP_LOCKU).args.writeInt(type).writeInt(0);
        lock.write(c.args);
        c.args.writeLong(offset).writeLong(length);
        Compound.Reply r = sendSequenced(c);
        r.next(OP_PUTFH);
        return Stateid.read(r.next(OP_LOCKU));
    }

    /** DESTROY_SESSION and DESTROY_CLIENTID. */
    public synchronized void destroy() {
        if (sessionId == null) {
            return;
        }
        Compound ds = new Compound().op(OP_DESTROY_SESSION);
        ds.args.writeFixed(sessionId);
        send(ds, 1).next(OP_DESTROY_SESSION);
        sessionId = null;
        Compound dc = new Compound().op(OP_DESTROY_CLIENTID);
        dc.args.writeLong(clientId);
        send(dc, 1).next(OP_DESTROY_CLIENTID);
    }

    private Compound sequenced() {
        if (sessionId == null) {
            throw new IllegalStateException("no session: call establish() first");
        }
        Compound c = new Compound().op(OP_SEQUENCE);
        c.args.writeFixed(sessionId).writeInt(++slotSeq).writeInt(0).writeInt(0).writeBool(false);
        return c;
    }

    private Compound.Reply sendSequenced(Compound c) {
        Compound.Reply r = send(c, 1);
        XdrIn seq = r.next(OP_SEQUENCE);
        seq.readFixed(16);
        seq.readInt();
        seq.readInt();
        seq.readInt();
        seq.readInt();
        seq.readInt();
        return r;
    }

    private Compound.Reply send(Compound c, int minor) {
        XdrOut head = new XdrOut().writeString("").writeInt(minor).writeInt(c.ops.size());
        byte[] h = head.toByteArray();
        byte[] a = c.args.toByteArray();
        byte[] all = new byte[h.length + a.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(a, 0, all, h.length, a.length);
        RpcReply reply = rpc.call(PROGRAM, VERSION, 1, all);
        if (!reply.success()) {
            throw new RpcException("COMPOUND not accepted: accepted=" + reply.accepted() + " stat=" + reply.stat()
                    + " detail=" + reply.detail());
        }
        return new Compound.Reply(reply.body());
    }

    private static void skipBitmap(XdrIn in) {
        long n = in.readUnsignedInt();
        if (n > 8) {
            throw new RpcException("bitmap of " + n + " words");
        }
        for (int i = 0; i < n; i++) {
            in.readInt();
        }
    }

    /** The rest of open_delegation4 after its type and stateid: NONE, READ, WRITE or NONE_EXT (RFC 8881 §18.16.2). */
    private static void skipDelegation(int type, XdrIn in) {
        switch (type) {
            case 0 -> { }
            case 1, 2 -> {
                in.readBool();
                if (type == 2) {
                    int limitBy = in.readInt();
                    if (limitBy == 1) {
                        in.readLong();
                    } else {
                        in.readInt();
                        in.readInt();
                    }
                }
                in.readInt();
                in.readInt();
                in.readInt();
                in.readOpaque();
            }
            case 3 -> {
                int why = in.readInt();
                if (why == 1 || why == 2) {
                    in.readBool();
                }
            }
            default -> throw new RpcException("unknown delegation type " + type);
        }
    }

    @Override
    public void close() throws IOException {
        rpc.close();
    }
}
