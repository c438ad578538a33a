package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.SetXattrRequest;
import io.dittofs.contracts.metadata.v1.SetXattrResponse;
import io.dittofs.contracts.metadata.v1.XattrSetMode;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.Caller;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.Perms;
import io.dittofs.metadata.spi.Inode;

/** setxattr(2) with XATTR_CREATE / XATTR_REPLACE; write permission on the object. */
public final class SetXattrOp extends Op<SetXattrRequest, SetXattrResponse> {

    public SetXattrOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected SetXattrResponse execute(SetXattrRequest req) {
        Caller c = Caller.of(req.hasIdentity(), req.getIdentity());
        HandleCodec.Ref ref = core.ref(req.getHandle());
        XattrRules.validateName(req.getName());
        if (req.getValue().size() > XattrRules.MAX_VALUE_BYTES) {
            throw new StatusException(Status.FBIG, "xattr value of " + req.getValue().size() + " bytes");
        }
        return core.store().writeNamespace(tx -> {
            Inode i = core.resolve(tx, ref);
            Perms.require(i, c, Perms.W);
            boolean exists = tx.xattr(i.id(), req.getName()).isPresent();
            if (req.getMode() == XattrSetMode.XATTR_CREATE && exists) {
                throw new StatusException(Status.XATTR_EXISTS, req.getName() + " exists on " + i.id());
            }
            if (req.getMode() == XattrSetMode.XATTR_REPLACE && !exists) {
                throw new StatusException(Status.NOXATTR, req.getName() + " not on " + i.id());
            }
            tx.putXattr(i.id(), req.getName(), req.getValue().toByteArray());
            Inode after = XattrRules.touch(core, tx, i);
            return SetXattrResponse.newBuilder().setWcc(Attrs.wcc(i, after)).build();
        });
    }

    @Override
    protected SetXattrResponse failure(SetXattrRequest req, Status status) {
        return SetXattrResponse.newBuilder().setStatus(status).build();
    }
}
