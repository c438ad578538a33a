package io.dittofs.lock.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import com.google.protobuf.ByteString;

/**
 * Blocking requests. A file's waiters are granted in arrival order: a waiter is granted when no
 * held lock conflicts with it and no earlier waiter of another owner that is still waiting
 * overlaps it with an exclusive side, so a stream of readers cannot starve a queued writer. New
 * blocking requests queue behind conflicting waiters for the same reason.
 *
 * <p>Deadlock detection walks the wait-for graph between owners, across files: owner A waits for
 * B when a waiter of A is blocked by a lock B holds or by an earlier waiter of B. A request that
 * would close a cycle is refused with DEADLOCK instead of being queued.
 */
public final class WaitQueue {

    private WaitQueue() {
    }

    /** Whether {@code a} (queued later) must wait behind {@code earlier}. */
    static boolean behind(HeldLock a, HeldLock earlier) {
        return !a.owner().equals(earlier.owner()) && a.range().overlaps(earlier.range())
                && (a.exclusive() || earlier.exclusive());
    }

    /** True when an already queued waiter of another owner would be overtaken by {@code request}. */
    public static boolean queuedAhead(FileState f, HeldLock request) {
        for (Waiter w : f.waiters) {
            if (behind(request, w.request())) {
                return true;
            }
        }
        return false;
    }

    /** Would queueing {@code request} make its owner wait, directly or transitively, on itself? */
    public static boolean wouldDeadlock(LockTable t, HeldLock request) {
        Owner me = request.owner();
        if (!t.involved(me)) {
            return false; // holds nothing and waits nowhere: no one can be waiting for it
        }
        Deque<Owner> todo = new ArrayDeque<>(blockers(t, request, Long.MAX_VALUE));
        Set<Owner> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Owner o = todo.poll();
            if (o.equals(me)) {
                return true;
            }
            if (!seen.add(o)) {
                continue;
            }
            for (Waiter w : t.waitersOf(o)) {
                todo.addAll(blockers(t, w.request(), w.seq()));
            }
        }
        return false;
    }

    private static List<Owner> blockers(LockTable t, HeldLock request, long seqLimit) {
        FileState f = t.file(request.file());
        List<Owner> out = new ArrayList<>();
        for (HeldLock h : f.locks.values()) {
            if (ByteRangeLocks.conflicts(request, h) && !h.owner().equals(request.owner())) {
                out.add(h.owner());
            }
        }
        for (Waiter w : f.waiters) {
            if (w.seq() < seqLimit && behind(request, w.request())) {
                out.add(w.owner());
            }
        }
        return out;
    }

    /**
     * Grants every waiter of {@code file} that may go now, in order, each in its own commit, and
     * sends its GrantedEvent to the gateway of its client. Called with the table mutex held.
     */
    public static void grantWaiters(LockTable t, ByteString file) {
        while (true) {
            Waiter next = firstGrantable(t.file(file));
            if (next == null) {
                return;
            }
            t.write(ch -> {
                ch.removeWaiter(next);
                HeldLock held = ByteRangeLocks.grant(t.file(file), next.request(), ch);
                t.client(held.owner().client()).ifPresent(c -> ch.event(new CoreEvent.Granted(c.gatewayId(), held)));
                return null;
            });
        }
    }

    private static Waiter firstGrantable(FileState f) {
        List<HeldLock> stillWaiting = new ArrayList<>();
        for (Waiter w : f.waiters) {
            HeldLock r = w.request();
            boolean blocked = ByteRangeLocks.firstConflict(f, r).isPresent();
            if (!blocked) {
                for (HeldLock earlier : stillWaiting) {
                    if (behind(r, earlier)) {
                        blocked = true;
                        break;
                    }
                }
            }
            if (!blocked) {
                return w;
            }
            stillWaiting.add(r);
        }
        return null;
    }
}
