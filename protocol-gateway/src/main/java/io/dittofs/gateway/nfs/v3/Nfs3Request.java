package io.dittofs.gateway.nfs.v3;

import io.dittofs.contracts.common.v1.Identity;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.share.Share;

/** What a procedure needs besides its arguments: the facade, the caller (squashed) and the share. */
public record Nfs3Request(FileSystem fs, Identity identity, Share share) {
}
