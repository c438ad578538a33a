package io.dittofs.control.shares;

/** AUTH_SYS identity squashing applied by the gateway for a share. */
public enum Squash {
    NONE, ROOT, ALL
}
