package io.dittofs.lock.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.DowngradeRequest;
import io.dittofs.contracts.lock.v1.OpenResponse;
import io.dittofs.lock.core.LockTable;
import io.dittofs.lock.core.OpenEntry;

/** NFSv4 OPEN_DOWNGRADE: the open keeps a subset of its access and deny bits (INVAL otherwise). */
public final class DowngradeOp extends Op<DowngradeRequest, OpenResponse> {

    public DowngradeOp(LockTable table) {
        super(table);
    }

    @Override
    protected OpenResponse execute(DowngradeRequest r) {
        return table.read(t -> {
            OpenEntry open = Opens.find(t, r.getOpenId());
            Wire.client(t, open.owner().client());
            int access = r.getAccess() & 7;
            int deny = r.getDeny() & 7;
            if ((access & ~open.access()) != 0 || (deny & ~open.deny()) != 0 || access == 0) {
                throw new StatusException(Status.INVAL, "downgrade must keep a non-empty subset of the bits");
            }
            t.write(ch -> {
                ch.putOpen(open.with(access, deny), true);
                return null;
            });
            return OpenResponse.newBuilder().setOpenId(open.id()).build();
        });
    }

    @Override
    protected OpenResponse failure(Status status) {
        return OpenResponse.newBuilder().setStatus(status).build();
    }
}
