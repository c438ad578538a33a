package io.dittofs.lock.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Byte-range lock rules. Conflicts: two locks of different owners conflict when their ranges
 * overlap and at least one is exclusive, whatever protocol took them (an NLM lock blocks an SMB
 * lock). Within one owner, POSIX owners (NLM, NFSv4) never conflict with themselves: a new lock
 * replaces the owner's locks in its range (splitting them) and merges with touching locks of the
 * same type. SMB owners follow Windows: locks stack and never merge, an exclusive request fails
 * on any overlapping lock including the owner's own, and unlock must name an existing range exactly
 * (releasing an exclusive lock of the range before a shared one stacked with it).
 */
public final class ByteRangeLocks {

    private ByteRangeLocks() {
    }

    public static boolean conflicts(HeldLock request, HeldLock held) {
        if (!request.range().overlaps(held.range())) {
            return false;
        }
        if (request.owner().equals(held.owner())) {
            return !request.protocol().posix() && request.exclusive();
        }
        return request.exclusive() || held.exclusive();
    }

    /** The first held lock the request conflicts with. */
    public static Optional<HeldLock> firstConflict(FileState f, HeldLock request) {
        for (HeldLock h : f.locks.values()) {
            if (conflicts(request, h)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /**
     * Records the grant of {@code request} (already checked for conflicts).
     *
     * @return the lock as held (for POSIX, merged with the owner's touching locks of the same type)
     */
    public static HeldLock grant(FileState f, HeldLock request, Changes ch) {
        if (!request.protocol().posix()) {
            ch.putLock(request);
            return request;
        }
        Range merged = request.range();
        for (HeldLock own : ownLocks(f, request)) {
            if (own.exclusive() == request.exclusive() && own.range().touches(merged)) {
                merged = merged.span(own.range());
            }
        }
        for (HeldLock own : ownLocks(f, request)) {
            boolean sameType = own.exclusive() == request.exclusive();
            if (sameType ? own.range().touches(merged) : own.range().overlaps(merged)) {
                ch.removeLock(own);
                if (!sameType) {
                    for (Range piece : own.range().minus(merged)) {
                        ch.putLock(own.withRange(ch.newId(), piece));
                    }
                }
            }
        }
        HeldLock result = request.withRange(request.id(), merged);
        ch.putLock(result);
        return result;
    }

    /**
     * Records the release of {@code range} for {@code owner}.
     *
     * @return false for an SMB owner without a lock of exactly that range (nothing changes)
     */
    public static boolean unlock(FileState f, Owner owner, Protocol protocol, Range range, Changes ch) {
        if (!protocol.posix()) {
            // of stacked locks on the range, an exclusive one goes first (Windows releases exclusive
            // before shared, so a shared lock stacked on it keeps the range readable for others);
            // else the most recent one (the map keeps insertion order)
            HeldLock match = null;
            for (HeldLock h : f.locks.values()) {
                if (h.owner().equals(owner) && h.range().equals(range)
                        && (match == null || h.exclusive() || !match.exclusive())) {
                    match = h;
                }
            }
            if (match == null) {
                return false;
            }
            ch.removeLock(match);
            return true;
        }
        for (HeldLock h : f.locks.values()) {
            if (h.owner().equals(owner) && h.range().overlaps(range)) {
                ch.removeLock(h);
                for (Range piece : h.range().minus(range)) {
                    ch.putLock(h.withRange(ch.newId(), piece));
                }
            }
        }
        return true;
    }

    /**
     * SMB mandatory locking (MS-FSA 2.1.4.10): a read conflicts with another owner's exclusive
     * lock; a write with any other owner's lock and with the owner's own shared locks (a shared
     * lock makes the range read-only for its holder too). Locks of every protocol are enforced.
     */
    public static Optional<HeldLock> ioConflict(FileState f, Owner owner, Range range, boolean write) {
        for (HeldLock h : f.locks.values()) {
            if (!h.range().overlaps(range)) {
                continue;
            }
            boolean own = h.owner().equals(owner);
            if (own ? write && !h.exclusive() : write || h.exclusive()) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    private static List<HeldLock> ownLocks(FileState f, HeldLock request) {
        List<HeldLock> out = new ArrayList<>();
        for (HeldLock h : f.locks.values()) {
            if (h.owner().equals(request.owner())) {
                out.add(h);
            }
        }
        return out;
    }
}
