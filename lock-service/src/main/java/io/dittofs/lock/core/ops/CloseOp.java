package io.dittofs.lock.core.ops;

import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.CloseRequest;
import io.dittofs.contracts.lock.v1.CloseResponse;
import io.dittofs.lock.core.GrantEntry;
import io.dittofs.lock.core.HeldLock;
import io.dittofs.lock.core.LockTable;
import io.dittofs.lock.core.OpenEntry;
import io.dittofs.lock.core.Protocol;
import io.dittofs.lock.core.WaitQueue;

/**
 * Ends an open: its share reservation, the byte-range locks taken through it (closing an SMB
 * handle releases its locks; an NFSv4 gateway refuses CLOSE with locks held before calling this),
 * and an SMB oplock or lease no other open uses. NFSv4 delegations outlive the open.
 */
public final class CloseOp extends Op<CloseRequest, CloseResponse> {

    public CloseOp(LockTable table) {
        super(table);
    }

    @Override
    protected CloseResponse execute(CloseRequest r) {
        return table.read(t -> {
            OpenEntry open = Opens.find(t, r.getOpenId());
            var f = t.file(open.file());
            t.write(ch -> {
                ch.removeOpen(open);
                for (HeldLock l : f.locks()) {
                    if (l.openId().equals(open.id())) {
                        ch.removeLock(l);
                    }
                }
                GrantEntry g = open.grantId().isEmpty() ? null : f.grants().stream()
                        .filter(x -> x.id().equals(open.grantId())).findFirst().orElse(null);
                if (g != null && g.protocol() == Protocol.SMB && f.opens().stream()
                        .noneMatch(o -> !o.id().equals(open.id()) && g.id().equals(o.grantId()))) {
                    ch.removeGrant(g);
                }
                return null;
            });
            WaitQueue.grantWaiters(t, open.file());
            return CloseResponse.getDefaultInstance();
        });
    }

    @Override
    protected CloseResponse failure(Status status) {
        return CloseResponse.newBuilder().setStatus(status).build();
    }
}
