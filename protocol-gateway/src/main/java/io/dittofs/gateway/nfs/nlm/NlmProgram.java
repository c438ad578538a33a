package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.locks.LockServiceException;
import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcCall;
import io.dittofs.gateway.rpc.RpcProgram;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network lock manager, program 100021, versions 1 and 3 (32-bit ranges, XNFS) and 4 (RFC 1813
 * Appendix II). Synchronous procedures answer in the reply; the *_MSG forms (number + 5) answer
 * with an empty reply and call the client's *_RES procedure (number + 10) with the result; the
 * *_RES calls a client sends are answers to calls this server never makes and are dropped.
 */
public final class NlmProgram implements RpcProgram {

    public static final int PROGRAM = 100021;
    private static final Logger log = LoggerFactory.getLogger(NlmProgram.class);
    private static final int MSG_OFFSET = 5;
    private static final int RES_OFFSET = 10;

    private final Map<Integer, NlmProcedure<?>> procedures = new HashMap<>();
    private final LockManager locks;
    private final NlmHosts hosts;
    private final NlmFiles files;
    private final NlmShares shares;
    private final NlmCallbacks callbacks;

    public NlmProgram(LockManager locks, NlmHosts hosts, NlmFiles files, NlmShares shares, NlmCallbacks callbacks) {
        this.locks = locks;
        this.hosts = hosts;
        this.files = files;
        this.shares = shares;
        this.callbacks = callbacks;
        for (NlmProcedure<?> p : new NlmProcedure<?>[] {new Test(), new Lock(2), new Cancel(), new Unlock(),
            new Granted(), new Share(), new Unshare(), new Lock(22), new FreeAll()}) {
            procedures.put(p.number(), p);
        }
    }

    @Override
    public int program() {
        return PROGRAM;
    }

    @Override
    public int lowVersion() {
        return 1;
    }

    @Override
    public int highVersion() {
        return 4;
    }

    @Override
    public int[] versions() {
        return new int[] {1, 3, 4};
    }

    @Override
    public boolean nonIdempotent(int version, int procedure) {
        // a retransmitted LOCK/UNLOCK/SHARE must not run twice: answer from the duplicate request cache
        int p = procedure > RES_OFFSET ? procedure - RES_OFFSET : procedure > MSG_OFFSET ? procedure - MSG_OFFSET
                : procedure;
        return p == 2 || p == 3 || p == 4 || procedure == 20 || procedure == 21 || procedure == 22;
    }

    @Override
    public Outcome call(CallContext ctx, RpcCall call, XdrWriter out) {
        int proc = call.procedure();
        int version = call.version();
        if (proc == 0) {
            return Outcome.SUCCESS;
        }
        if (proc > RES_OFFSET && proc <= RES_OFFSET + 5) {
            return Outcome.SUCCESS; // a *_RES answer: this server sends no *_MSG calls
        }
        boolean msg = proc > MSG_OFFSET && proc <= MSG_OFFSET + 5;
        NlmProcedure<?> p = procedures.get(msg ? proc - MSG_OFFSET : proc);
        if (p == null || (version < 3 && proc >= 20)) {
            return Outcome.PROC_UNAVAIL;
        }
        return run(p, ctx, version, proc, msg, new XdrReader(call.args()), out);
    }

    private <A> Outcome run(NlmProcedure<A> p, CallContext ctx, int version, int proc, boolean msg, XdrReader in,
                            XdrWriter out) {
        A args;
        try {
            args = p.decode(in, version);
        } catch (XdrException e) {
            log.debug("garbage NLM v{} proc {} args from {}: {}", version, proc, ctx.clientAddress(), e.getMessage());
            return Outcome.GARBAGE_ARGS;
        }
        NlmRequest req = new NlmRequest(ctx, version, locks, hosts, files, shares);
        if (!msg) {
            try {
                p.execute(req, args).write(out, version);
            } catch (LockServiceException e) {
                // the lock-service refused or could not register the host: the client retries later
                log.warn("NLM v{} proc {} from {}: {}", version, proc, ctx.clientAddress(), e.getMessage());
                return Outcome.SYSTEM_ERR;
            }
            return Outcome.SUCCESS;
        }
        // the *_MSG reply is empty; the result travels as a call to the client's *_RES procedure
        Thread.ofVirtual().name("nlm-msg").start(() -> {
            NlmReply reply;
            try {
                reply = p.execute(req, args);
            } catch (LockServiceException e) {
                log.warn("NLM v{} proc {} from {}: {}", version, proc, ctx.clientAddress(), e.getMessage());
                return;
            }
            callbacks.call(ctx.remote().getAddress(), version, proc + MSG_OFFSET, w -> reply.write(w, version))
                    .whenComplete((r, e) -> {
                        if (e != null) {
                            log.info("NLM v{} result of proc {} to {} not delivered: {}", version, proc,
                                    ctx.clientAddress(), e.toString());
                        }
                    });
        });
        return Outcome.SUCCESS;
    }
}
