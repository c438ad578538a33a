package io.dittofs.gateway.smb.server;

import java.time.Instant;

/** FILETIME: 100-nanosecond intervals since 1601-01-01 UTC (MS-DTYP 2.3.3). */
public final class FileTime {

    private static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;

    private FileTime() {
    }

    public static long of(Instant t) {
        return (t.getEpochSecond() + EPOCH_DIFF_SECONDS) * 10_000_000L + t.getNano() / 100;
    }

    public static Instant toInstant(long fileTime) {
        long secs = Math.floorDiv(fileTime, 10_000_000L) - EPOCH_DIFF_SECONDS;
        return Instant.ofEpochSecond(secs, Math.floorMod(fileTime, 10_000_000L) * 100);
    }

    public static long now() {
        return of(Instant.now());
    }
}
