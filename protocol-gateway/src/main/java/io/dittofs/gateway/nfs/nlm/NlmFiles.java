package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.rpc.CallContext;

/**
 * Checks that a lock's file handle names a live file the caller may reach (its share admits the
 * client): NLM locks only what the NFS side would serve. Wired to the share gate and the file-system
 * facade by the gateway configuration.
 */
@FunctionalInterface
public interface NlmFiles {

    /** OK, or STALE / BADHANDLE / ACCESS / ROFS / DELAY as the neutral reason. */
    FsStatus check(CallContext ctx, byte[] fh, boolean forWrite);
}
