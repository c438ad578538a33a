package io.dittofs.gateway.nfs.v3;

import io.dittofs.contracts.FileHandles;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.nfs.CallerIdentity;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcCall;
import io.dittofs.gateway.rpc.RpcProgram;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.ShareIds;
import io.dittofs.gateway.share.SharePermissions;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NFS program 100003 version 3. Decodes the arguments, applies the share's rules (allowed network,
 * read-only, per-user permissions, squash) found through the handle's share id, then runs the procedure.
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
    private final ShareIds shares;

    public Nfs3Program(FileSystem fs, ShareIds shares) {
        this.fs = fs;
        this.shares = shares;
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
        FileHandle h = p.handle(args);
        if (h == null) {
            p.execute(new Nfs3Request(fs, CallerIdentity.of(ctx), null), args, out);
            return Outcome.SUCCESS;
        }
        if (h.getValue().isEmpty()) {
            p.failure(out, Nfs3Status.BADHANDLE);
            return Outcome.SUCCESS;
        }
        long shareId = FileHandles.shareId(h);
        if (shareId < 0) {
            p.failure(out, Nfs3Status.BADHANDLE);
            return Outcome.SUCCESS;
        }
        int start = out.buffer().writerIndex();
        try {
            Share share = shares.share(shareId).orElse(null);
            if (share == null) {
                p.failure(out, Nfs3Status.STALE);
            } else if (!share.allows(ctx.remote().getAddress())) {
                p.failure(out, Nfs3Status.ACCES);
            } else if (share.readOnly() && p.mutating()) {
                p.failure(out, Nfs3Status.ROFS);
            } else {
                var caller = CallerIdentity.of(ctx);
                var level = share.permissions().of(caller);
                if (level == SharePermissions.Level.NONE || (level == SharePermissions.Level.READ && p.mutating())) {
                    p.failure(out, Nfs3Status.ACCES);
                } else {
                    p.execute(new Nfs3Request(fs, share.squash(caller), share), args, out);
                }
            }
        } catch (StatusRuntimeException e) {
            log.warn("NFSv3 proc {} from {}: service call failed: {}", p.number(), ctx.clientAddress(), e.getStatus());
            out.buffer().writerIndex(start);
            p.failure(out, Nfs3Status.ofGrpc(e.getStatus().getCode()));
        }
        return Outcome.SUCCESS;
    }
}
