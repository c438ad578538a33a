package io.dittofs.cli.bench.workload;

/**
 * Sizes of one run, per worker and per iteration.
 *
 * @param fileSize       bytes of the sequential file
 * @param blockSize      bytes per sequential read/write call
 * @param randomFileSize bytes of the file random I/O runs on
 * @param randomOps      4 KiB operations per random workload
 * @param metaCycles     create/stat/rename/unlink cycles
 * @param smallFiles     files of 4-64 KiB written
 * @param dirEntries     entries in the listed directory
 * @param listings       complete listings of that directory
 */
public record BenchParams(long fileSize, int blockSize, long randomFileSize, int randomOps, int metaCycles,
                          int smallFiles, int dirEntries, int listings) {

    public static final int RANDOM_IO = 4096;
    public static final int SMALL_MIN = 4 * 1024;
    public static final int SMALL_MAX = 64 * 1024;

    public BenchParams {
        if (blockSize <= 0 || fileSize < blockSize) {
            throw new IllegalArgumentException("--file-size must be at least --block-size (both > 0)");
        }
        if (randomFileSize < RANDOM_IO) {
            throw new IllegalArgumentException("--random-file-size must be at least 4K");
        }
        if (randomOps <= 0 || metaCycles <= 0 || smallFiles <= 0 || dirEntries <= 0 || listings <= 0) {
            throw new IllegalArgumentException("--random-ops, --meta-cycles, --small-files, --dir-entries and "
                    + "--listings must be > 0");
        }
    }
}
