package io.dittofs.lock.core.ops;

import io.dittofs.contracts.lock.v1.FileKey;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.GetOpenRequest;
import io.dittofs.contracts.lock.v1.GetOpenResponse;
import io.dittofs.lock.core.LockTable;
import io.dittofs.lock.core.OpenEntry;

/**
 * One open as held here: its file, owner, bits and how many byte-range locks were taken through
 * it. An NFSv4 gateway rebuilds a stateid it does not know (it restarted) from this, and checks
 * for locks before CLOSE and RELEASE_LOCKOWNER. Read-only: it does not renew the owner's lease.
 */
public final class GetOpenOp extends Op<GetOpenRequest, GetOpenResponse> {

    public GetOpenOp(LockTable table) {
        super(table);
    }

    @Override
    protected GetOpenResponse execute(GetOpenRequest r) {
        return table.read(t -> {
            OpenEntry open = Opens.find(t, r.getOpenId());
            int locks = (int) t.file(open.file()).locks().stream().filter(l -> l.openId().equals(open.id())).count();
            return GetOpenResponse.newBuilder().setFile(FileKey.newBuilder().setValue(open.file()))
                    .setOwner(Wire.owner(open.owner())).setAccess(open.access()).setDeny(open.deny())
                    .setLockCount(locks).build();
        });
    }

    @Override
    protected GetOpenResponse failure(Status status) {
        return GetOpenResponse.newBuilder().setStatus(status).build();
    }
}
