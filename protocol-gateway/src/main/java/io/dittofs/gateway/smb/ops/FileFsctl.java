package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.WireException;

/** One file-system FSCTL on an open of a disk tree (MS-FSCC 2.3), dispatched by {@link FileFsctls}. */
interface FileFsctl {

    SmbResult handle(SmbRequest req, IoctlRequest io, SmbOpen open) throws WireException;
}
