package io.dittofs.gateway.smb.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Operations of one connection that went async (STATUS_PENDING sent): found by async id or by the
 * message id of the request, so CANCEL can reach them either way (MS-SMB2 3.3.5.16). Bounded: a
 * client cannot park more than {@code max} waits.
 */
final class AsyncTable {

    record Op(long asyncId, long messageId, long sessionId, Runnable cancel) {
    }

    private final AtomicLong next = new AtomicLong(1);
    private final Map<Long, Op> byAsync = new ConcurrentHashMap<>();
    private final Map<Long, Op> byMessage = new ConcurrentHashMap<>();
    private final int max;

    AsyncTable(int max) {
        this.max = max;
    }

    /** A new async operation, or null when the connection already waits on {@code max}. */
    Op add(long messageId, long sessionId, Runnable cancel) {
        if (byAsync.size() >= max) {
            return null;
        }
        Op op = new Op(next.getAndIncrement(), messageId, sessionId, cancel);
        byAsync.put(op.asyncId(), op);
        byMessage.put(messageId, op);
        return op;
    }

    void done(Op op) {
        byAsync.remove(op.asyncId());
        byMessage.remove(op.messageId(), op);
    }

    Op byAsyncId(long id) {
        return byAsync.get(id);
    }

    Op byMessageId(long id) {
        return byMessage.get(id);
    }

    /** Cancels every wait (connection gone). */
    void cancelAll() {
        byAsync.values().forEach(op -> op.cancel().run());
    }

    int size() {
        return byAsync.size();
    }
}
