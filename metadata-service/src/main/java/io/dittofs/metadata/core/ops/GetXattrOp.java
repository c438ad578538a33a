package io.dittofs.metadata.core.ops;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.GetXattrRequest;
import io.dittofs.contracts.metadata.v1.GetXattrResponse;
import io.dittofs.metadata.core.Caller;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.Perms;
import io.dittofs.metadata.spi.Inode;

/** getxattr(2): read permission on the object. */
public final class GetXattrOp extends Op<GetXattrRequest, GetXattrResponse> {

    public GetXattrOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected GetXattrResponse execute(GetXattrRequest req) {
        Caller c = Caller.of(req.hasIdentity(), req.getIdentity());
        HandleCodec.Ref ref = core.ref(req.getHandle());
        XattrRules.validateName(req.getName());
        return core.store().read(tx -> {
            Inode i = core.resolve(tx, ref);
            Perms.require(i, c, Perms.R);
            byte[] v = tx.xattr(i.id(), req.getName())
                    .orElseThrow(() -> new StatusException(Status.NOXATTR, req.getName() + " not on " + i.id()));
            return GetXattrResponse.newBuilder().setValue(ByteString.copyFrom(v)).build();
        });
    }

    @Override
    protected GetXattrResponse failure(GetXattrRequest req, Status status) {
        return GetXattrResponse.newBuilder().setStatus(status).build();
    }
}
