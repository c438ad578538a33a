package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.smb.wire.WireException;

/**
 * One SMB2 command after the dispatcher has checked session, tree, signature and credits (one
 * class per command, in {@code smb/ops} and {@code smb/ipc}). The handler reads the body and
 * answers with a {@link SmbResult}; the dispatcher builds the header, grants credits, signs or
 * encrypts. A {@link WireException} (malformed body) is answered INVALID_PARAMETER.
 */
@FunctionalInterface
public interface SmbCommandHandler {

    SmbResult handle(SmbRequest request) throws WireException;
}
