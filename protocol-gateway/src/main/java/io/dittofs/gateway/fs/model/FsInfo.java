package io.dittofs.gateway.fs.model;

/**
 * Static properties of the share an object belongs to.
 *
 * @param maxFileSize     0 = unknown
 * @param maxNameBytes    0 = unknown
 * @param timeGranularity null = unknown
 */
public record FsInfo(FsStatus status, long maxFileSize, int maxNameBytes, int maxLinks, Time timeGranularity,
                     boolean caseInsensitive, boolean casePreserving, boolean symlinks, boolean hardLinks,
                     FileAttr attr) {
}
