package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.locks.ClientRef;
import io.dittofs.gateway.locks.LockOutcome;
import io.dittofs.gateway.locks.LockSpec;
import io.dittofs.gateway.locks.LockTarget;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.LockRequest;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * LOCK (MS-SMB2 3.3.5.14): byte ranges in the lock-service, owned by the open, with Windows
 * semantics there (stacking, exact unlock) and conflicts with every protocol's locks. A request of
 * several locks is all or nothing; a single lock without FAIL_IMMEDIATELY that must wait goes
 * async and completes on the lock-service's Granted event, CANCEL withdraws it. Zero-length locks
 * are kept by the gateway (the lock-service has no such range) with their mode: a lock holding one
 * strictly inside conflicts with it as MS-FSA says (exclusive with any, shared with an exclusive one).
 * On a resilient open the LockSequence is checked first: a replay of a request that succeeded is
 * answered SUCCESS again without locking twice ({@link LockSequences}).
 */
final class Lock implements SmbCommandHandler {

    private final FileCommands files;

    Lock(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req) throws WireException {
        LockRequest l = LockRequest.decode(req.body());
        SmbOpen o = files.opens.find(req, l.fileId());
        if (o == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        List<LockRequest.Element> els = l.locks();
        if (els.isEmpty()) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        boolean unlock = els.getFirst().flags() == LockRequest.UNLOCK;
        for (LockRequest.Element e : els) {
            int f = e.flags();
            boolean valid = f == LockRequest.SHARED || f == LockRequest.EXCLUSIVE
                    || f == (LockRequest.SHARED | LockRequest.FAIL_IMMEDIATELY)
                    || f == (LockRequest.EXCLUSIVE | LockRequest.FAIL_IMMEDIATELY);
            // an unlock request is checked element by element as it goes (Windows answers
            // RANGE_NOT_LOCKED for a first element that is not locked before looking further)
            if (!unlock && (!valid || (els.size() > 1 && (f & LockRequest.FAIL_IMMEDIATELY) == 0))) {
                return SmbResult.fail(NtStatus.INVALID_PARAMETER);
            }
            if (e.length() != 0 && Long.compareUnsigned(e.offset() + e.length() - 1, e.offset()) < 0) {
                return SmbResult.fail(NtStatus.INVALID_LOCK_RANGE);
            }
        }
        ClientRef client = files.clientOf(o);
        if (client == null) {
            return SmbResult.fail(NtStatus.NOT_SUPPORTED);
        }
        LockSequences sequences = o.lockSequences();
        if (sequences != null && sequences.replay(l.lockSequence())) {
            // a resilient open's replay of a request that already succeeded (MS-SMB2 3.3.5.14)
            return done(o);
        }
        if (!unlock) {
            // a byte-range lock breaks the level II oplocks of the file (MS-FSA 2.1.5.7)
            files.service.oplocks.dataChanged(o);
        }
        SmbResult r = apply(o, client, els, unlock);
        if (sequences != null) {
            if (r instanceof SmbResult.Pending p) {
                return new SmbResult.Pending(p.result().thenApply(fin -> succeeded(fin, sequences, l)), p.cancel());
            }
            succeeded(r, sequences, l);
        }
        return r;
    }

    private static SmbResult succeeded(SmbResult r, LockSequences sequences, LockRequest l) {
        if (r instanceof SmbResult.Done d && d.status() == NtStatus.SUCCESS) {
            sequences.succeeded(l.lockSequence());
        }
        return r;
    }

    private SmbResult apply(SmbOpen o, ClientRef client, List<LockRequest.Element> els, boolean unlock) {
        if (unlock) {
            for (LockRequest.Element e : els) {
                if (e.flags() != LockRequest.UNLOCK) {
                    return SmbResult.fail(NtStatus.INVALID_PARAMETER);
                }
                if (!o.removeLock(e.offset(), e.length())) {
                    return SmbResult.fail(NtStatus.RANGE_NOT_LOCKED);
                }
                if (e.length() == 0) {
                    files.service.files.removeZeroLock(o.entry(), o.owner(), e.offset());
                }
                if (e.length() != 0) {
                    var s = files.locks.unlock(target(o, client, e));
                    if (!s.ok()) {
                        return SmbResult.fail(SmbStatus.ofLock(s));
                    }
                }
            }
            return done(o);
        }
        List<LockRequest.Element> taken = new ArrayList<>();
        for (LockRequest.Element e : els) {
            boolean exclusive = (e.flags() & LockRequest.EXCLUSIVE) != 0;
            boolean blocking = (e.flags() & LockRequest.FAIL_IMMEDIATELY) == 0;
            if (e.length() == 0) {
                // MS-FSA: a zero-length lock at X conflicts with a lock that holds X strictly inside
                // (the bytes before and at X); it is kept here, not in the lock-service
                if (e.offset() != 0 && denied(o, client, e.offset() - 1, exclusive)
                        && denied(o, client, e.offset(), exclusive)) {
                    rollBack(o, client, taken);
                    return SmbResult.fail(NtStatus.LOCK_NOT_GRANTED);
                }
                o.addLock(e.offset(), 0);
                files.service.files.addZeroLock(o.entry(), o.owner(), e.offset(), exclusive);
                taken.add(e);
                continue;
            }
            if (files.service.files.zeroLockInside(o.entry(), e.offset(), e.length(), exclusive)) {
                rollBack(o, client, taken);
                return SmbResult.fail(NtStatus.LOCK_NOT_GRANTED);
            }
            LockTarget t = target(o, client, e);
            CompletableFuture<Boolean> granted = blocking ? files.service.waits.expect(t) : null;
            LockOutcome out = files.locks.lock(new LockSpec(t, exclusive, blocking, false, o.lockOpenId()));
            if (out.status().ok() && out.queued()) {
                return waitFor(o, t, e, granted);
            }
            if (granted != null) {
                files.service.waits.withdraw(t);
            }
            if (!out.status().ok()) {
                rollBack(o, client, taken);
                return SmbResult.fail(SmbStatus.ofLock(out.status()));
            }
            o.addLock(e.offset(), e.length());
            taken.add(e);
        }
        return done(o);
    }

    private SmbResult waitFor(SmbOpen o, LockTarget t, LockRequest.Element e, CompletableFuture<Boolean> granted) {
        java.util.concurrent.atomic.AtomicInteger why = new java.util.concurrent.atomic.AtomicInteger(NtStatus.CANCELLED);
        Runnable cancel = () -> {
            files.locks.cancel(t);
            files.service.waits.withdraw(t);
        };
        // the open closing under a waiting lock answers it RANGE_NOT_LOCKED (as Windows does)
        Runnable onClose = () -> {
            why.set(NtStatus.RANGE_NOT_LOCKED);
            cancel.run();
        };
        o.addPending(onClose);
        CompletableFuture<SmbResult> result = granted.thenApply(ok -> {
            o.removePending(onClose);
            if (!ok) {
                return SmbResult.fail(why.get());
            }
            o.addLock(e.offset(), e.length());
            return done(o);
        });
        return new SmbResult.Pending(result, cancel);
    }

    /** Would a one-byte lock of this mode at {@code offset} be refused (someone's lock holds that byte)? */
    private boolean denied(SmbOpen o, ClientRef client, long offset, boolean exclusive) {
        LockOutcome probe = files.locks.test(new LockSpec(
                new LockTarget(o.fileKey(), client, o.owner(), offset, 1), exclusive, false, false, null));
        return probe.status() == io.dittofs.gateway.locks.LockStatus.DENIED;
    }

    private void rollBack(SmbOpen o, ClientRef client, List<LockRequest.Element> taken) {
        for (LockRequest.Element e : taken) {
            o.removeLock(e.offset(), e.length());
            if (e.length() == 0) {
                files.service.files.removeZeroLock(o.entry(), o.owner(), e.offset());
            }
            if (e.length() != 0) {
                files.locks.unlock(target(o, client, e));
            }
        }
    }

    private static LockTarget target(SmbOpen o, ClientRef client, LockRequest.Element e) {
        return new LockTarget(o.fileKey(), client, o.owner(), e.offset(), e.length());
    }

    private static SmbResult done(SmbOpen o) {
        return new SmbResult.Done(NtStatus.SUCCESS, LockRequest::encodeResponse, o.id());
    }
}
