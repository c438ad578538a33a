package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.GetRootRequest;
import io.dittofs.contracts.metadata.v1.GetRootResponse;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.StoreTx;

/**
 * The root of a share by name. A share the control plane created (CreateShare) is found under
 * its name; a name never created is created on first use with the next free id (static
 * configuration without a control plane), unless the control plane deleted it. The id and root
 * inode are recorded under the name (see {@link ShareRoots}), so handles survive restarts.
 */
public final class GetRootOp extends Op<GetRootRequest, GetRootResponse> {

    public GetRootOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected GetRootResponse execute(GetRootRequest req) {
        String name = req.getShare();
        ShareNames.validate(name);
        Inode root = core.store().read(tx -> ShareRoots.byName(tx, name)).map(ShareRoots.Found::root)
                .orElseGet(() -> core.store().write(tx -> ShareRoots.byName(tx, name).map(ShareRoots.Found::root)
                        .orElseGet(() -> createByName(tx, name))));
        return GetRootResponse.newBuilder().setHandle(core.handle(root)).setAttr(Attrs.of(root))
                .setShareId(root.share()).build();
    }

    /** A share first used by name (static configuration) gets the next free id. */
    private Inode createByName(StoreTx tx, String name) {
        if (tx.meta(ShareRoots.DELETED + name).isPresent()) {
            throw new StatusException(Status.NOENT, "share " + name + " was deleted by the control plane");
        }
        return ShareRoots.create(core, tx, name, ShareRoots.nextAutoId(tx), false);
    }

    @Override
    protected GetRootResponse failure(GetRootRequest req, Status status) {
        return GetRootResponse.newBuilder().setStatus(status).build();
    }
}
