package io.dittofs.control.shares;

/** Access a user or group has on a share, in increasing order of power. */
public enum Permission {
    NONE, READ, READ_WRITE, ADMIN
}
