package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.identity.Principal;

/**
 * What a procedure needs besides its arguments: the facade, the caller as the services see it,
 * and whether the share gate lets this caller modify the share (NFS ACCESS answers with it).
 */
public record Nfs3Request(FileSystem fs, Principal principal, boolean mayModify) {
}
