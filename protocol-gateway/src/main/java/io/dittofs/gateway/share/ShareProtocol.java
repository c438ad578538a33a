package io.dittofs.gateway.share;

/** The protocols a share is served over (the control plane's share {@code protocols}). */
public enum ShareProtocol {
    NFS, SMB
}
