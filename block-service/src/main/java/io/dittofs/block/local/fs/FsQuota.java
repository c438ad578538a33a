package io.dittofs.block.local.fs;

import io.dittofs.block.local.NoSpaceException;
import java.util.concurrent.atomic.AtomicLong;

/** Bytes used by the fs tier against an optional limit (0 = only the device's own limit). */
final class FsQuota {

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    FsQuota(long limit) {
        this.limit = limit;
    }

    void reserve(long bytes, String what) throws NoSpaceException {
        long now = used.addAndGet(bytes);
        if (limit > 0 && now > limit) {
            used.addAndGet(-bytes);
            throw new NoSpaceException("local tier quota of " + limit + " bytes reached (" + what + ")");
        }
    }

    void add(long bytes) {
        used.addAndGet(bytes);
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }
}
