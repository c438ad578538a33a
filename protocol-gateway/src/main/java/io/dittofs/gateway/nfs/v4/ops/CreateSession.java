package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.nfs.v4.CompoundProcessor;
import io.dittofs.gateway.nfs.v4.state.Session;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** CREATE_SESSION (RFC 8881 §18.36): a fore channel of at most {@link #MAX_SLOTS} slots; the back channel is echoed. */
public final class CreateSession implements Nfs4Op<CreateSession.Args> {

    public static final int MAX_SLOTS = 64;
    private static final int MAX_MSG = (1 << 20) + 64 * 1024;

    public record Channel(int headerPad, int maxRequest, int maxResponse, int maxResponseCached, int maxOps,
                          int maxRequests) {
    }

    public record Args(long clientId, int seq, int flags, Channel fore, Channel back, int cbProgram) {
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
        long secs = in.readUnsignedInt();
        if (secs > 16) {
            throw new XdrException("too many callback security parameters: " + secs);
        }
        for (int i = 0; i < secs; i++) {
            int flavor = in.readInt();
            switch (flavor) {
                case 0 -> { }
                case 1 -> {
                    in.readInt();
                    in.readOpaque(255);
                    in.readInt();
                    in.readInt();
                    long gids = in.readUnsignedInt();
                    if (gids > 16) {
                        throw new XdrException("AUTH_SYS with " + gids + " groups");
                    }
                    in.skip((int) gids * 4);
                }
                case 6 -> {
                    in.readInt();
                    in.readOpaque(1024);
                    in.readOpaque(1024);
                }
                default -> throw new XdrException("unknown callback flavor " + flavor);
            }
        }
        return new Args(clientId, seq, flags, fore, back, cbProgram);
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
        Channel f = a.fore();
        int slots = (int) Math.max(1, Math.min(MAX_SLOTS, Integer.toUnsignedLong(f.maxRequests())));
        int maxOps = (int) Math.min(CompoundProcessor.MAX_OPS, Integer.toUnsignedLong(f.maxOps()));
        Session[] created = new Session[1];
        int status = c.server().clients().createSession(a.clientId(), a.seq(), created, slots, maxOps);
        if (status != Nfs4Status.OK) {
            return status;
        }
        out.writeFixedOpaque(created[0].id()).writeInt(a.seq()).writeInt(0);
        Channel fore = new Channel(0, clamp(f.maxRequest()), clamp(f.maxResponse()), clamp(f.maxResponseCached()),
                maxOps, slots);
        write(out, fore);
        write(out, a.back());
        return Nfs4Status.OK;
    }

    private static int clamp(int v) {
        return (int) Math.min(MAX_MSG, Integer.toUnsignedLong(v));
    }

    private static void write(XdrWriter out, Channel c) {
        out.writeInt(c.headerPad()).writeInt(c.maxRequest()).writeInt(c.maxResponse()).writeInt(c.maxResponseCached())
                .writeInt(c.maxOps()).writeInt(c.maxRequests()).writeInt(0);
    }
}
