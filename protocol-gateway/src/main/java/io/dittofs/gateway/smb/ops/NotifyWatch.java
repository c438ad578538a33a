package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.ChangeNotifyRequest;
import io.dittofs.gateway.smb.wire.ChangeNotifyRequest.Entry;
import io.dittofs.gateway.smb.wire.NtStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The watch of one directory open (MS-FSA 2.1.5.10 ChangeNotify): set up by its first
 * CHANGE_NOTIFY, it then collects matching changes until the open closes, so changes between two
 * requests are not lost. A request finds collected changes and completes at once, or waits (several
 * may wait, first come first served). Changes beyond what the waiting request's buffer (or the
 * collection cap) holds complete it with NOTIFY_ENUM_DIR and no entries; closing the open completes
 * every waiting request with NOTIFY_CLEANUP.
 */
final class NotifyWatch {

    /** Collected entries kept at most between requests; beyond, the next answer is NOTIFY_ENUM_DIR. */
    static final int MAX_COLLECTED = 1024;

    private record Waiter(CompletableFuture<SmbResult> result, long bufferLength) {
    }

    private final Handle dir;
    private int filter;
    private boolean tree;
    private final List<Entry> collected = new ArrayList<>();
    private boolean overflowed;
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private boolean closed;

    NotifyWatch(Handle dir, int filter, boolean tree) {
        this.dir = dir;
        this.filter = filter;
        this.tree = tree;
    }

    Handle dir() {
        return dir;
    }

    synchronized boolean tree() {
        return tree;
    }

    /** A later request's filter and depth replace the earlier ones (Windows keeps the latest). */
    synchronized void reset(int newFilter, boolean newTree) {
        filter = newFilter;
        tree = newTree;
    }

    /** A change that may concern the watch. */
    void offer(int changeFilter, Entry e) {
        Waiter w;
        SmbResult answer;
        synchronized (this) {
            if (closed || (changeFilter & filter) == 0) {
                return;
            }
            if (collected.size() >= MAX_COLLECTED) {
                overflowed = true;
            } else {
                collected.add(e);
            }
            w = waiting.pollFirst();
            if (w == null) {
                return;
            }
            answer = drain(w.bufferLength());
        }
        w.result().complete(answer);
    }

    /** A request: what was collected now, else a future completed by the next change, CANCEL or close. */
    synchronized CompletableFuture<SmbResult> request(long bufferLength) {
        if (closed) {
            return CompletableFuture.completedFuture(answer(NtStatus.NOTIFY_CLEANUP, new byte[0]));
        }
        if (!collected.isEmpty() || overflowed) {
            return CompletableFuture.completedFuture(drain(bufferLength));
        }
        CompletableFuture<SmbResult> f = new CompletableFuture<>();
        waiting.addLast(new Waiter(f, bufferLength));
        return f;
    }

    /** CANCEL of one waiting request. */
    void cancel(CompletableFuture<SmbResult> f) {
        boolean removed;
        synchronized (this) {
            removed = waiting.removeIf(w -> w.result() == f);
        }
        if (removed) {
            f.complete(SmbResult.fail(NtStatus.CANCELLED));
        }
    }

    /** The open closed: every waiting request ends with NOTIFY_CLEANUP and no entries. */
    void close() {
        List<Waiter> ended;
        synchronized (this) {
            closed = true;
            ended = List.copyOf(waiting);
            waiting.clear();
            collected.clear();
        }
        for (Waiter w : ended) {
            w.result().complete(answer(NtStatus.NOTIFY_CLEANUP, new byte[0]));
        }
    }

    /**
     * The watched directory became delete-pending while this open stays (another open set
     * delete-on-close and closed): waiting requests end with DELETE_PENDING, as Windows answers a
     * notify on a directory that is going away (MS-FSA 2.1.5.4).
     */
    void deletePending() {
        List<Waiter> ended;
        synchronized (this) {
            ended = List.copyOf(waiting);
            waiting.clear();
        }
        for (Waiter w : ended) {
            w.result().complete(SmbResult.fail(NtStatus.DELETE_PENDING));
        }
    }

    private SmbResult drain(long bufferLength) {
        boolean fits = !overflowed && ChangeNotifyRequest.size(collected) <= bufferLength;
        byte[] buffer = fits ? ChangeNotifyRequest.encodeEntries(collected) : new byte[0];
        collected.clear();
        overflowed = false;
        return answer(fits ? NtStatus.SUCCESS : NtStatus.NOTIFY_ENUM_DIR, buffer);
    }

    private static SmbResult answer(int status, byte[] buffer) {
        return new SmbResult.Done(status, w -> ChangeNotifyRequest.encodeResponse(w, buffer), null);
    }
}
