package io.dittofs.gateway.fs.model;

import java.util.List;

/**
 * Outcomes of the extended-attribute calls (getxattr/setxattr/listxattr/removexattr).
 */
public final class XattrResult {

    private XattrResult() {
    }

    /** How SETXATTR treats an existing or missing name (setxattr(2) XATTR_CREATE / XATTR_REPLACE). */
    public enum SetMode { EITHER, CREATE, REPLACE }

    /** @param value null unless status is OK */
    public record Value(FsStatus status, byte[] value) {
    }

    /** A set or remove: wcc.after holds the object's attributes after the change when OK. */
    public record Changed(FsStatus status, Wcc wcc) {
    }

    /** One page of names; {@code cookie} continues after it. */
    public record Names(FsStatus status, List<String> names, long cookie, boolean eof) {
    }
}
