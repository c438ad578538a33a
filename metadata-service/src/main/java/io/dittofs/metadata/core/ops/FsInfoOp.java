package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.common.v1.Timestamp;
import io.dittofs.contracts.metadata.v1.FsInfoRequest;
import io.dittofs.contracts.metadata.v1.FsInfoResponse;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.Names;
import io.dittofs.metadata.spi.Inode;

/** Static properties of the namespace (NFSv3 FSINFO/PATHCONF, NFSv4 fs attributes). */
public final class FsInfoOp extends Op<FsInfoRequest, FsInfoResponse> {

    public FsInfoOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected FsInfoResponse execute(FsInfoRequest req) {
        HandleCodec.Ref ref = core.ref(req.getHandle());
        Inode i = core.store().read(tx -> core.resolve(tx, ref));
        return FsInfoResponse.newBuilder().setMaxFileSize(Long.MAX_VALUE).setMaxNameBytes(Names.MAX_NAME_BYTES)
                .setMaxLinks(LinkOp.MAX_LINKS).setTimeGranularity(Timestamp.newBuilder().setNanos(1))
                .setCaseInsensitive(false).setCasePreserving(true).setSymlinks(true).setHardLinks(true)
                .setAcls(false).setXattrs(true).setAttr(Attrs.of(i)).build();
    }

    @Override
    protected FsInfoResponse failure(FsInfoRequest req, Status status) {
        return FsInfoResponse.newBuilder().setStatus(status).build();
    }
}
