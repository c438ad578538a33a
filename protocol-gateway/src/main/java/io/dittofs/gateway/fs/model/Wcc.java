package io.dittofs.gateway.fs.model;

/**
 * Weak cache consistency data: attributes before and after a change.
 *
 * @param before null when unknown
 * @param after  null when unknown
 */
public record Wcc(WccAttr before, FileAttr after) {

    public static final Wcc NONE = new Wcc(null, null);

    public static Wcc after(FileAttr after) {
        return new Wcc(null, after);
    }
}
