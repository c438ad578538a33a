package io.dittofs.gateway.locks;

/** Which protocol owns a client: the lock-service applies POSIX or Windows range semantics by it. */
public enum LockProtocol {
    NLM, NFS4, SMB
}
