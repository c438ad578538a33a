package io.dittofs.metadata.core;

/**
 * Tunables of the namespace rules.
 *
 * @param rootMode   mode of a share's root directory when it is first created
 * @param totalBytes capacity reported by FSSTAT (content accounting belongs to the block-service)
 * @param totalFiles inode capacity reported by FSSTAT
 * @param maxReadDirEntries hard cap of entries per ReadDir page, whatever the caller asks
 */
public record CoreSettings(int rootMode, int rootUid, int rootGid, long totalBytes, long totalFiles, int maxReadDirEntries) {

    public static final int DEFAULT_MAX_READDIR = 4096;

    public CoreSettings {
        if (maxReadDirEntries < 1 || maxReadDirEntries > 65536) {
            throw new IllegalArgumentException("maxReadDirEntries must be 1..65536: " + maxReadDirEntries);
        }
        if ((rootMode & ~07777) != 0) {
            throw new IllegalArgumentException("root mode must be within 07777: " + Integer.toOctalString(rootMode));
        }
    }

    public static CoreSettings defaults() {
        return new CoreSettings(0755, 0, 0, 1L << 40, 1L << 32, DEFAULT_MAX_READDIR);
    }
}
