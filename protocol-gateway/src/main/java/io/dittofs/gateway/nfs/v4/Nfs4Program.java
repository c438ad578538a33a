package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.metrics.ProtocolOps;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcCall;
import io.dittofs.gateway.rpc.RpcProgram;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** NFS program 100003 version 4 (RFC 7530 §16, RFC 8881 §16): NULL and COMPOUND, minor versions 0 and 1. */
public final class Nfs4Program implements RpcProgram {

    public static final int PROGRAM = 100003;
    public static final int NULL = 0;
    public static final int COMPOUND = 1;

    /** Default size of the 4.0 reply cache: entries, and bytes of replies in all. */
    public static final int REPLY_CACHE_ENTRIES = 4096;
    public static final long REPLY_CACHE_BYTES = 16L << 20;
    /** How long a retransmission waits for the still running original before running itself. */
    private static final long RETRANSMISSION_WAIT_SECONDS = 30;

    private static final Logger log = LoggerFactory.getLogger(Nfs4Program.class);

    private final CompoundProcessor compound;
    private final Nfs40ReplyCache replies;

    public Nfs4Program(Nfs4Server server) {
        this(server, 0, CompoundProcessor.MAX_MINOR, ProtocolOps.DISABLED);
    }

    /** @param operations times the operations inside each COMPOUND */
    public Nfs4Program(Nfs4Server server, ProtocolOps operations) {
        this(server, 0, CompoundProcessor.MAX_MINOR, operations);
    }

    public Nfs4Program(Nfs4Server server, int minMinor, int maxMinor) {
        this(server, minMinor, maxMinor, ProtocolOps.DISABLED);
    }

    /** Serves minor versions {@code minMinor..maxMinor} only (the rest: MINOR_VERS_MISMATCH), operations timed by {@code operations}. */
    public Nfs4Program(Nfs4Server server, int minMinor, int maxMinor, ProtocolOps operations) {
        this(server, minMinor, maxMinor, operations, new Nfs40ReplyCache(REPLY_CACHE_ENTRIES, REPLY_CACHE_BYTES));
    }

    /** @param replies the NFSv4.0 duplicate request cache */
    public Nfs4Program(Nfs4Server server, int minMinor, int maxMinor, ProtocolOps operations, Nfs40ReplyCache replies) {
        this.compound = new CompoundProcessor(server, minMinor, maxMinor, operations);
        this.replies = replies;
    }

    @Override
    public int program() {
        return PROGRAM;
    }

    @Override
    public int lowVersion() {
        return 4;
    }

    @Override
    public int highVersion() {
        return 4;
    }

    /**
     * Not answered from the RPC layer's duplicate request cache: which compounds need it depends on
     * their operations, so 4.0 has its own ({@link Nfs40ReplyCache}), and 4.1 has SEQUENCE's slots.
     */
    @Override
    public boolean nonIdempotent(int version, int procedure) {
        return false;
    }

    @Override
    public Outcome call(CallContext ctx, RpcCall call, XdrWriter out) {
        return switch (call.procedure()) {
            case NULL -> Outcome.SUCCESS;
            case COMPOUND -> minorVersion(call.args()) == 0 ? compound40(ctx, call, out) : compound(ctx, call, out);
            default -> Outcome.PROC_UNAVAIL;
        };
    }

    private Outcome compound(CallContext ctx, RpcCall call, XdrWriter out) {
        return compound.process(ctx, new XdrReader(call.args()), out) == CompoundProcessor.Processed.GARBAGE
                ? Outcome.GARBAGE_ARGS : Outcome.SUCCESS;
    }

    /** A 4.0 compound through the reply cache: a retransmission gets the first run's reply. */
    private Outcome compound40(CallContext ctx, RpcCall call, XdrWriter out) {
        Nfs40ReplyCache.Key key = Nfs40ReplyCache.key(ctx.clientAddress() + ":" + ctx.remote().getPort(), call.xid(),
                call.args());
        CompletableFuture<byte[]> earlier = replies.begin(key);
        if (earlier != null) {
            byte[] reply = waitFor(earlier, call.xid());
            if (reply != null) {
                out.buffer().writeBytes(reply);
                return Outcome.SUCCESS;
            }
            // the first run kept nothing (nothing changed, or it was too large): running it again is safe
            return compound(ctx, call, out);
        }
        ByteBuf buf = out.buffer();
        int start = buf.writerIndex();
        byte[] kept = null;
        try {
            CompoundProcessor.Processed p = compound.process(ctx, new XdrReader(call.args()), out);
            if (p == CompoundProcessor.Processed.GARBAGE) {
                return Outcome.GARBAGE_ARGS;
            }
            if (p == CompoundProcessor.Processed.ANSWERED_NON_IDEMPOTENT
                    && buf.writerIndex() - start <= Nfs40ReplyCache.MAX_REPLY) {
                kept = new byte[buf.writerIndex() - start];
                buf.getBytes(start, kept);
            }
            return Outcome.SUCCESS;
        } finally {
            replies.finish(key, kept);
        }
    }

    private static byte[] waitFor(CompletableFuture<byte[]> earlier, int xid) {
        try {
            return earlier.get(RETRANSMISSION_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            log.debug("retransmitted NFSv4.0 xid {}: the original gave no reply to repeat ({})", xid, e.toString());
            return null;
        }
    }

    /** The minor version of COMPOUND4args (after the tag), or -1 when the arguments are too short to say. */
    static int minorVersion(ByteBuf args) {
        int at = args.readerIndex();
        if (args.readableBytes() < 8) {
            return -1;
        }
        long tagLength = args.getUnsignedInt(at);
        long minorAt = 4 + ((tagLength + 3) & ~3L);
        return minorAt + 4 <= args.readableBytes() ? args.getInt(at + (int) minorAt) : -1;
    }
}
