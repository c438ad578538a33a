package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.FsStatRequest;
import io.dittofs.contracts.metadata.v1.FsStatResponse;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.spi.Inode;

/**
 * Capacity as configured: content space is the block-service's to account, so the namespace
 * reports the configured totals (dittofs.metadata.fs.total-bytes / total-files).
 */
public final class FsStatOp extends Op<FsStatRequest, FsStatResponse> {

    public FsStatOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected FsStatResponse execute(FsStatRequest req) {
        HandleCodec.Ref ref = core.ref(req.getHandle());
        Inode i = core.store().read(tx -> core.resolve(tx, ref));
        long bytes = core.settings().totalBytes();
        long files = core.settings().totalFiles();
        return FsStatResponse.newBuilder().setTotalBytes(bytes).setFreeBytes(bytes).setAvailBytes(bytes)
                .setTotalFiles(files).setFreeFiles(files).setAvailFiles(files).setAttr(Attrs.of(i)).build();
    }

    @Override
    protected FsStatResponse failure(FsStatRequest req, Status status) {
        return FsStatResponse.newBuilder().setStatus(status).build();
    }
}
