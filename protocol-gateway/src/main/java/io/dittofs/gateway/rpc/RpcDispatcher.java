package io.dittofs.gateway.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a decoded call to its program and builds the whole reply message (without record mark).
 * Runs on a virtual thread; programs may block on service calls.
 */
public final class RpcDispatcher {

    private static final Logger log = LoggerFactory.getLogger(RpcDispatcher.class);

    private final Map<Integer, RpcProgram> programs;
    private final DuplicateRequestCache drc;

    public RpcDispatcher(List<RpcProgram> programs, DuplicateRequestCache drc) {
        this.programs = programs.stream().collect(Collectors.toUnmodifiableMap(RpcProgram::program, Function.identity()));
        this.drc = drc;
    }

    /** Returns the reply, or null when nothing must be sent (a duplicate still in progress). */
    public ByteBuf dispatch(ByteBufAllocator alloc, CallContext ctx, RpcCall call) {
        RpcProgram p = programs.get(call.program());
        if (p == null) {
            return RpcReplies.error(alloc, call.xid(), RpcReplies.PROG_UNAVAIL);
        }
        if (call.version() < p.lowVersion() || call.version() > p.highVersion()) {
            return RpcReplies.progMismatch(alloc, call.xid(), p.lowVersion(), p.highVersion());
        }
        if (!p.nonIdempotent(call.version(), call.procedure())) {
            return run(alloc, ctx, call, p);
        }
        DuplicateRequestCache.Key key = DuplicateRequestCache.key(ctx.clientAddress(), call);
        DuplicateRequestCache.Entry seen = drc.begin(key);
        if (seen instanceof DuplicateRequestCache.Done done) {
            return Unpooled.wrappedBuffer(done.reply());
        }
        if (seen != null) {
            return null;
        }
        ByteBuf reply = null;
        try {
            reply = run(alloc, ctx, call, p);
            drc.finish(key, ByteBufUtil.getBytes(reply));
            return reply;
        } finally {
            if (reply == null) {
                drc.abandon(key);
            }
        }
    }

    private static ByteBuf run(ByteBufAllocator alloc, CallContext ctx, RpcCall call, RpcProgram p) {
        ByteBuf reply = RpcReplies.success(alloc, call.xid());
        Outcome outcome;
        try {
            outcome = p.call(ctx, call, new XdrWriter(reply));
        } catch (RuntimeException e) {
            log.error("program {} v{} proc {} failed for {}", call.program(), call.version(), call.procedure(),
                    ctx.clientAddress(), e);
            outcome = Outcome.SYSTEM_ERR;
        }
        if (outcome.success()) {
            return reply;
        }
        reply.release();
        return outcome.authError() != null
                ? RpcReplies.authError(alloc, call.xid(), outcome.authError())
                : RpcReplies.error(alloc, call.xid(), outcome.acceptStat());
    }
}
