package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.RemoveXattrRequest;
import io.dittofs.contracts.metadata.v1.RemoveXattrResponse;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.Caller;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.Perms;
import io.dittofs.metadata.spi.Inode;

/** removexattr(2): write permission on the object. */
public final class RemoveXattrOp extends Op<RemoveXattrRequest, RemoveXattrResponse> {

    public RemoveXattrOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected RemoveXattrResponse execute(RemoveXattrRequest req) {
        Caller c = Caller.of(req.hasIdentity(), req.getIdentity());
        HandleCodec.Ref ref = core.ref(req.getHandle());
        XattrRules.validateName(req.getName());
        return core.store().writeNamespace(tx -> {
            Inode i = core.resolve(tx, ref);
            Perms.require(i, c, Perms.W);
            if (tx.xattr(i.id(), req.getName()).isEmpty()) {
                throw new StatusException(Status.NOXATTR, req.getName() + " not on " + i.id());
            }
            tx.deleteXattr(i.id(), req.getName());
            Inode after = XattrRules.touch(core, tx, i);
            return RemoveXattrResponse.newBuilder().setWcc(Attrs.wcc(i, after)).build();
        });
    }

    @Override
    protected RemoveXattrResponse failure(RemoveXattrRequest req, Status status) {
        return RemoveXattrResponse.newBuilder().setStatus(status).build();
    }
}
