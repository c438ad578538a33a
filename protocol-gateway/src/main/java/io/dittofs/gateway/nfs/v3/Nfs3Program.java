package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.access.Decision;
import io.dittofs.gateway.access.Intent;
import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.ServiceCallException;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.identity.Principals;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcCall;
import io.dittofs.gateway.rpc.RpcProgram;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NFS program 100003 version 3. Decodes the arguments, asks the share gate about the share the
 * handle names (the gate decides; this class only maps its answer), then runs the procedure.
 */
public final class Nfs3Program implements RpcProgram {

    public static final int PROGRAM = 100003;
    private static final Logger log = LoggerFactory.getLogger(Nfs3Program.class);

    /** Every NFSv3 procedure, indexed by its number. */
    public static final List<Nfs3Procedure<?>> PROCEDURES = List.of(new Null(), new GetAttr(), new SetAttr(),
            new Lookup(), new Access(), new ReadLink(), new Read(), new Write(), new Create(), new MkDir(),
            new SymLink(), new MkNod(), new Remove(), new RmDir(), new Rename(), new Link(), new ReadDir(),
            new ReadDirPlus(), new FsStat(), new FsInfo(), new PathConf(), new Commit());

    private final FileSystem fs;
    private final ShareGate gate;

    public Nfs3Program(FileSystem fs, ShareGate gate) {
        this.fs = fs;
        this.gate = gate;
    }

    @Override
    public int program() {
        return PROGRAM;
    }

    @Override
    public int lowVersion() {
        return 3;
    }

    @Override
    public int highVersion() {
        return 3;
    }

    @Override
    public boolean nonIdempotent(int version, int procedure) {
        return procedure >= 0 && procedure < PROCEDURES.size() && PROCEDURES.get(procedure).nonIdempotent();
    }

    @Override
    public boolean inlinable(int version, int procedure) {
        return procedure >= 0 && procedure < PROCEDURES.size() && PROCEDURES.get(procedure).inlinable();
    }

    @Override
    public Outcome call(CallContext ctx, RpcCall call, XdrWriter out) {
        if (call.procedure() < 0 || call.procedure() >= PROCEDURES.size()) {
            return Outcome.PROC_UNAVAIL;
        }
        return run(PROCEDURES.get(call.procedure()), ctx, call, out);
    }

    private <A> Outcome run(Nfs3Procedure<A> p, CallContext ctx, RpcCall call, XdrWriter out) {
        A args;
        try {
            args = p.decode(new XdrReader(call.args()));
        } catch (XdrException e) {
            log.debug("garbage args for NFSv3 proc {} from {}: {}", p.number(), ctx.clientAddress(), e.getMessage());
            return Outcome.GARBAGE_ARGS;
        }
        Handle h = p.handle(args);
        if (h == null) {
            p.execute(new Nfs3Request(fs, Principals.of(ctx), false), args, out);
            return Outcome.SUCCESS;
        }
        long shareId = h.shareId();
        if (shareId < 0) {
            p.failure(out, Nfs3Status.BADHANDLE);
            return Outcome.SUCCESS;
        }
        int start = out.buffer().writerIndex();
        try {
            Decision d = gate.check(shareId, ctx.remote().getAddress(), Principals.of(ctx),
                    p.mutating() ? Intent.MODIFY : Intent.READ);
            switch (d) {
                case Decision.Denied denied -> p.failure(out, Nfs3Status.of(denied.reason()));
                case Decision.Allowed ok -> p.execute(new Nfs3Request(fs, ok.principal(), ok.mayModify()), args, out);
            }
        } catch (ServiceCallException e) {
            log.warn("NFSv3 proc {} from {}: {}", p.number(), ctx.clientAddress(), e.getMessage());
            out.buffer().writerIndex(start);
            p.failure(out, Nfs3Status.ofServiceFailure(e.retryable()));
        }
        return Outcome.SUCCESS;
    }
}
