package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.ReadLinkRequest;
import io.dittofs.contracts.metadata.v1.ReadLinkResponse;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.spi.Inode;

/** readlink(2): needs no permission on the link itself (its mode is always ignored). */
public final class ReadLinkOp extends Op<ReadLinkRequest, ReadLinkResponse> {

    public ReadLinkOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected ReadLinkResponse execute(ReadLinkRequest req) {
        HandleCodec.Ref ref = core.ref(req.getHandle());
        return core.store().read(tx -> {
            Inode i = core.resolve(tx, ref);
            if (i.type() != FileType.SYMLINK) {
                throw new StatusException(Status.INVAL, "inode " + i.id() + " is not a symlink");
            }
            return ReadLinkResponse.newBuilder().setTarget(i.target()).setAttr(Attrs.of(i)).build();
        });
    }

    @Override
    protected ReadLinkResponse failure(ReadLinkRequest req, Status status) {
        return ReadLinkResponse.newBuilder().setStatus(status).build();
    }
}
