package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.CompoundProcessor;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.state.Session;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.netty.buffer.ByteBuf;

/**
 * CREATE_SESSION (RFC 8881 §18.36): a fore channel of at most {@link #MAX_SLOTS} slots and at most
 * one RPC record of requests and replies; channels too small to carry a SEQUENCE are TOOSMALL. The
 * result is kept with the client record so a retransmission gets the same answer.
 */
public final class CreateSession implements Nfs4Op<CreateSession.Args> {

    public static final int MAX_SLOTS = 64;
    private static final int MAX_MSG = (1 << 20) + 64 * 1024;
    /**
     * Smallest request or reply a channel must allow: an RPC header with AUTH_SYS plus a COMPOUND
     * holding a SEQUENCE (or CB_SEQUENCE) is about this large, so less could never carry one.
     */
    static final int MIN_MSG = 128;
    private static final int FLAG_PERSIST = 0x1;
    private static final int FLAG_CONN_BACK_CHAN = 0x2;
    private static final int FLAG_CONN_RDMA = 0x4;

    public record Channel(int headerPad, int maxRequest, int maxResponse, int maxResponseCached, int maxOps,
                          int maxRequests) {
    }

    public record Args(long clientId, int seq, int flags, Channel fore, Channel back, int cbProgram,
                       io.dittofs.gateway.rpc.Credential cbCredential) {
    }

    @Override
    public int code() {
        return 43;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        long clientId = in.readLong();
        int seq = in.readInt();
        int flags = in.readInt();
        Channel fore = channel(in);
        Channel back = channel(in);
        int cbProgram = in.readInt();
        var cbCredential = CallbackSec.read(in);
        return new Args(clientId, seq, flags, fore, back, cbProgram, cbCredential);
    }

    private static Channel channel(XdrReader in) throws XdrException {
        Channel c = new Channel(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt());
        long ird = in.readUnsignedInt();
        if (ird > 1) {
            throw new XdrException("rdma_ird has " + ird + " entries");
        }
        in.skip((int) ird * 4);
        return c;
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if ((a.flags() & ~(FLAG_PERSIST | FLAG_CONN_BACK_CHAN | FLAG_CONN_RDMA)) != 0) {
            return Nfs4Status.INVAL;
        }
        if (tooSmall(a.fore()) || tooSmall(a.back())) {
            return Nfs4Status.TOOSMALL;
        }
        Channel f = a.fore();
        int slots = (int) Math.max(1, Math.min(MAX_SLOTS, Integer.toUnsignedLong(f.maxRequests())));
        int maxOps = (int) Math.max(1, Math.min(CompoundProcessor.MAX_OPS, Integer.toUnsignedLong(f.maxOps())));
        Channel fore = new Channel(0, clamp(f.maxRequest()), clamp(f.maxResponse()), clamp(f.maxResponseCached()),
                maxOps, slots);
        var limits = new Session.Limits(Integer.toUnsignedLong(fore.maxRequest()),
                Integer.toUnsignedLong(fore.maxResponse()), Integer.toUnsignedLong(fore.maxResponseCached()));
        var created = c.server().clients().createSession(a.clientId(), a.seq(), c.principalKey(),
                id -> new Session(id, a.clientId(), slots, maxOps, limits));
        if (created.replay() != null) {
            out.buffer().writeBytes(created.replay());
            return created.status();
        }
        if (created.status() != Nfs4Status.OK) {
            return created.status();
        }
        Session s = created.session();
        s.minor(c.minor());
        s.callbackProgram(a.cbProgram());
        s.callbackCredential(a.cbCredential());
        int flags = 0;
        if ((a.flags() & FLAG_CONN_BACK_CHAN) != 0 && c.call().callbackClient().isPresent()) {
            s.backChannel(c.call().callbackClient().get());
            flags |= FLAG_CONN_BACK_CHAN;
            CallbackProbe.send(c.call().callbackClient().get(), a.cbProgram());
        }
        ByteBuf buf = out.buffer();
        int start = buf.writerIndex();
        out.writeFixedOpaque(s.id()).writeInt(a.seq()).writeInt(flags);
        write(out, fore);
        write(out, a.back());
        byte[] body = new byte[buf.writerIndex() - start];
        buf.getBytes(start, body);
        c.server().clients().rememberCreateSession(a.clientId(), Nfs4Status.OK, body);
        return Nfs4Status.OK;
    }

    private static boolean tooSmall(Channel ch) {
        return Integer.toUnsignedLong(ch.maxRequest()) < MIN_MSG || Integer.toUnsignedLong(ch.maxResponse()) < MIN_MSG;
    }

    private static int clamp(int v) {
        return (int) Math.min(MAX_MSG, Integer.toUnsignedLong(v));
    }

    private static void write(XdrWriter out, Channel c) {
        out.writeInt(c.headerPad()).writeInt(c.maxRequest()).writeInt(c.maxResponse()).writeInt(c.maxResponseCached())
                .writeInt(c.maxOps()).writeInt(c.maxRequests()).writeInt(0);
    }
}
