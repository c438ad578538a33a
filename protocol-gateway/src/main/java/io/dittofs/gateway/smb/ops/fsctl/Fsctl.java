package io.dittofs.gateway.smb.ops.fsctl;

import io.dittofs.gateway.smb.ops.IoctlRequest;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.WireException;

/** One FSCTL an IOCTL can carry (MS-FSCC 2.3, MS-SMB2 2.2.31): its code and how it answers. */
public interface Fsctl {

    int code();

    SmbResult handle(SmbRequest request, IoctlRequest ioctl) throws WireException;
}
