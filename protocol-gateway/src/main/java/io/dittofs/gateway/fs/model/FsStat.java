package io.dittofs.gateway.fs.model;

/** Space and inode figures of the share an object belongs to. */
public record FsStat(FsStatus status, long totalBytes, long freeBytes, long availBytes, long totalFiles,
                     long freeFiles, long availFiles, FileAttr attr) {
}
