package io.dittofs.gateway.rpc;

import io.dittofs.contracts.grpc.NonBlocking;
import io.dittofs.contracts.grpc.TraceIds;
import io.dittofs.gateway.metrics.GatewayMetrics;
import io.dittofs.gateway.metrics.ProtocolOps;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a call, routes it to the program registered for its (program, version) and builds
 * the whole reply message (without record mark). Runs on a virtual thread; programs may block,
 * except under {@code NonBlocking} (inlinable reads tried on the event loop, see {@link #inlinable}).
 */
public final class RpcDispatcher {

    private static final Logger log = LoggerFactory.getLogger(RpcDispatcher.class);

    private final RpcRegistry registry;
    private final DuplicateRequestCache drc;
    private final Authenticator authenticator;
    private final GatewayMetrics metrics;
    private final boolean inlineNull;
    private final boolean inlineReads;

    public RpcDispatcher(RpcRegistry registry, DuplicateRequestCache drc, Authenticator authenticator) {
        this(registry, drc, authenticator, GatewayMetrics.disabled());
    }

    public RpcDispatcher(RpcRegistry registry, DuplicateRequestCache drc, Authenticator authenticator,
                         GatewayMetrics metrics) {
        this(registry, drc, authenticator, metrics, true, false);
    }

    /**
     * @param inlineNull  answer NULL on the event loop ({@link #trivial}; dittofs.rpc.inline-null)
     * @param inlineReads try {@link RpcProgram#inlinable} calls on the event loop (see {@link #inlinable}):
     *                    only when every service those calls reach is in this process
     *                    ({@code NonBlocking.direct} on its channel) and dittofs.rpc.inline-reads allows it
     */
    public RpcDispatcher(RpcRegistry registry, DuplicateRequestCache drc, Authenticator authenticator,
                         GatewayMetrics metrics, boolean inlineNull, boolean inlineReads) {
        this.registry = registry;
        this.inlineNull = inlineNull;
        this.drc = drc;
        this.authenticator = authenticator;
        this.metrics = metrics;
        this.inlineReads = inlineReads;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    public RpcRegistry registry() {
        return registry;
    }

    /**
     * Whether the call can be answered without blocking, so on the event loop that received it:
     * procedure 0 is NULL in every ONC RPC program (RFC 5531 §12.1, void in and out), and AUTH_NONE
     * and AUTH_SYS authenticate from the call's bytes alone. RPCSEC_GSS context creation also uses
     * procedure 0 and may be slow, so it keeps its virtual thread.
     */
    public static boolean trivial(RpcMessage.Call call) {
        int flavor = call.credential().flavor();
        return call.procedure() == 0 && (flavor == Credential.AUTH_NONE || flavor == Credential.AUTH_SYS);
    }

    /** Whether to answer the call on the event loop that received it: a NULL ({@link #trivial}), if enabled. */
    public boolean answersOnEventLoop(RpcMessage.Call call) {
        return inlineNull && trivial(call);
    }

    /**
     * Whether to try the call on the event loop under {@code NonBlocking} before handing it to a
     * virtual thread: a read its program declares inlinable, authenticated from the call's bytes
     * (AUTH_NONE, AUTH_SYS; never RPCSEC_GSS, whose contexts and checksums are not that cheap), not
     * subject to the duplicate request cache. Whoever tries it must be ready for
     * {@code NonBlocking.WouldBlock} and then run {@link #handle} again off the event loop.
     */
    public boolean inlinable(RpcMessage.Call call) {
        if (!inlineReads) {
            return false;
        }
        int flavor = call.credential().flavor();
        if (flavor != Credential.AUTH_NONE && flavor != Credential.AUTH_SYS) {
            return false;
        }
        RpcProgram p = registry.lookup(call.program(), call.version());
        return p != null && p.inlinable(call.version(), call.procedure())
                && !p.nonIdempotent(call.version(), call.procedure());
    }

    /**
     * A call from the wire: authenticate, unwrap, dispatch. {@code connection} names the peer and
     * local addresses; its credential is replaced by the authenticated one. Returns the reply, or
     * null when nothing must be sent (a duplicate still in progress).
     */
    public ByteBuf handle(ByteBufAllocator alloc, CallContext connection, RpcMessage.Call call) {
        // one trace id per call, in this thread's logs and every service call it makes
        try (TraceIds.Scope trace = TraceIds.open(connection.traceId(call.xid()))) {
            return authenticated(alloc, connection, call);
        }
    }

    private ByteBuf authenticated(ByteBufAllocator alloc, CallContext connection, RpcMessage.Call call) {
        Authenticator.Accepted ok;
        switch (authenticator.authenticate(call)) {
            case Authenticator.Accepted a -> ok = a;
            case Authenticator.Rejected r -> {
                return RpcReplies.authError(alloc, call.xid(), r.stat());
            }
        }
        ByteBuf args;
        try {
            args = ok.security().unwrapArguments(call.args());
        } catch (XdrException e) {
            return RpcReplies.accepted(alloc, call.xid(), ok.security(), RpcReplies.GARBAGE_ARGS);
        }
        RpcCall rc = new RpcCall(call.xid(), call.program(), call.version(), call.procedure(), ok.credential(), args);
        return dispatch(alloc, connection.withCredential(ok.credential()), rc, ok.security());
    }

    /** An already authenticated call with an AUTH_NONE reply verifier. */
    public ByteBuf dispatch(ByteBufAllocator alloc, CallContext ctx, RpcCall call) {
        return dispatch(alloc, ctx, call, CallSecurity.NONE);
    }

    private ByteBuf dispatch(ByteBufAllocator alloc, CallContext ctx, RpcCall call, CallSecurity security) {
        RpcProgram p = registry.lookup(call.program(), call.version());
        if (p == null) {
            int[] range = registry.versionRange(call.program());
            return range == null
                    ? RpcReplies.accepted(alloc, call.xid(), security, RpcReplies.PROG_UNAVAIL)
                    : RpcReplies.progMismatch(alloc, call.xid(), security, range[0], range[1]);
        }
        if (!p.nonIdempotent(call.version(), call.procedure())) {
            return run(alloc, ctx, call, p, security);
        }
        DuplicateRequestCache.Key key = DuplicateRequestCache.key(ctx.clientAddress(), call);
        DuplicateRequestCache.Entry seen = drc.begin(key);
        metrics.drc(seen instanceof DuplicateRequestCache.Done, seen != null);
        if (seen instanceof DuplicateRequestCache.Done done) {
            return Unpooled.wrappedBuffer(done.reply());
        }
        if (seen != null) {
            return null;
        }
        ByteBuf reply = null;
        try {
            reply = run(alloc, ctx, call, p, security);
            drc.finish(key, ByteBufUtil.getBytes(reply));
            return reply;
        } finally {
            if (reply == null) {
                drc.abandon(key);
            }
        }
    }

    private ByteBuf run(ByteBufAllocator alloc, CallContext ctx, RpcCall call, RpcProgram p, CallSecurity security) {
        ProtocolOps ops = metrics.rpc().of(call.program(), call.version());
        long started = ops.begin();
        int argBytes = call.args().readableBytes();
        ByteBuf reply = RpcReplies.accepted(alloc, call.xid(), security, RpcReplies.SUCCESS);
        int statAt = reply.writerIndex() - 4;
        int resultsStart = reply.writerIndex();
        int bodyStart = resultsStart;
        Outcome outcome;
        XdrWriter out = new XdrWriter(reply, security.transformsResults() ? null : alloc);
        try {
            security.beginResults(reply);
            bodyStart = reply.writerIndex();
            outcome = p.call(ctx, call, out);
        } catch (NonBlocking.WouldBlock e) {
            // tried on the event loop and it would have to wait: nothing of it counts or leaves,
            // the caller runs the call again on a virtual thread (and that run is measured)
            ByteBuf attached = out.takeAttachment();
            if (attached != null) {
                attached.release();
            }
            reply.release();
            ops.abandon(started);
            throw e;
        } catch (RuntimeException e) {
            log.error("program {} v{} proc {} failed for {}", call.program(), call.version(), call.procedure(),
                    ctx.clientAddress(), e);
            outcome = Outcome.SYSTEM_ERR;
        }
        ByteBuf attached = out.takeAttachment();
        if (started != 0) {
            ops.end(call.procedure(), metrics.rpc().status(call.program(), call.version(), call.procedure(), outcome,
                    reply, bodyStart), started);
            ops.bytes(argBytes, outcome.success()
                    ? reply.readableBytes() + (attached == null ? 0 : attached.readableBytes()) : statAt + 4);
        }
        if (outcome.success()) {
            security.endResults(reply, resultsStart);
            // the program's last opaque in its own (pooled) buffer: the two leave as one message, no copy
            return attached == null ? reply : alloc.compositeDirectBuffer(2).addComponents(true, reply, attached);
        }
        if (attached != null) {
            attached.release();
        }
        if (outcome.authError() != null) {
            reply.release();
            return RpcReplies.authError(alloc, call.xid(), outcome.authError());
        }
        return reply.writerIndex(statAt).writeInt(outcome.acceptStat());
    }
}
