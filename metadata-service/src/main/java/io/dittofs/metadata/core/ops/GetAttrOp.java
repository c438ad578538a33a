package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.AccessBits;
import io.dittofs.contracts.metadata.v1.GetAttrRequest;
import io.dittofs.contracts.metadata.v1.GetAttrResponse;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.Caller;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.Perms;
import io.dittofs.metadata.spi.Inode;

/** Attributes, optionally only if the caller holds {@code require_access} (READ's check + post-op attrs). */
public final class GetAttrOp extends Op<GetAttrRequest, GetAttrResponse> {

    public GetAttrOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected GetAttrResponse execute(GetAttrRequest req) {
        Caller caller = Caller.of(req.hasIdentity(), req.getIdentity());
        HandleCodec.Ref ref = core.ref(req.getHandle());
        int required = req.getRequireAccess();
        return core.store().read(tx -> {
            Inode i = core.resolve(tx, ref);
            if (required != 0 && !ownerReads(i, caller, required) && AccessOp.grant(i, caller, required) != required) {
                throw new StatusException(Status.ACCESS, caller + " lacks access " + required + " on " + i.id());
            }
            return GetAttrResponse.newBuilder().setAttr(Attrs.of(i, req.getWithAcl())).build();
        });
    }

    /** READ's check: the owner of a regular file reads it whatever its mode (RFC 1813 §4.4, see Perms#dataAllowed). */
    private static boolean ownerReads(Inode i, Caller c, int required) {
        return (required & ~AccessBits.ACCESS_READ_VALUE) == 0 && Perms.dataAllowed(i, c, Perms.R);
    }

    @Override
    protected GetAttrResponse failure(GetAttrRequest req, Status status) {
        return GetAttrResponse.newBuilder().setStatus(status).build();
    }
}
