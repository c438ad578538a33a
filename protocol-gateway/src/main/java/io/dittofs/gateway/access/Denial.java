package io.dittofs.gateway.access;

/** Why the share gate refused a call; each protocol maps these in its own status table. */
public enum Denial {
    /** No current share has this id or name (deleted, never existed, forged handle). */
    UNKNOWN_SHARE,
    /** The client's address is outside the share's allowed networks. */
    NETWORK_DENIED,
    /** A modifying operation on a read-only share. */
    READ_ONLY,
    /** The caller's permission level on the share does not allow it. */
    NO_PERMISSION
}
