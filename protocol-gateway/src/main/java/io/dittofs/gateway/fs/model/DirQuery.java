package io.dittofs.gateway.fs.model;

/**
 * Which page of a directory to list.
 *
 * @param cookie       0 = from the start, else a cookie of a previous entry
 * @param verifier     the previous page's verifier; empty on the first call
 * @param maxEntries   at most this many (the service caps it too)
 * @param withAttrs    fill every entry's handle and attributes
 * @param dotEntries   list "." and ".." first
 */
public record DirQuery(long cookie, byte[] verifier, int maxEntries, boolean withAttrs, boolean dotEntries) {

    public DirQuery {
        verifier = verifier.clone();
    }
}
