package io.dittofs.gateway.fs.model;

/** setxattr(2) flags: either, XATTR_CREATE (XATTR_EXISTS if present), XATTR_REPLACE (NOXATTR if absent). */
public enum XattrSetMode {
    EITHER, CREATE, REPLACE
}
