package io.dittofs.lock.core.ops;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.UnlockRequest;
import io.dittofs.contracts.lock.v1.UnlockResponse;
import io.dittofs.lock.core.ByteRangeLocks;
import io.dittofs.lock.core.ClientEntry;
import io.dittofs.lock.core.LockTable;
import io.dittofs.lock.core.Owner;
import io.dittofs.lock.core.WaitQueue;

/**
 * Releases a range. POSIX owners may unlock any range (splitting their locks; unlocking nothing is
 * OK); SMB owners must name one of their locks exactly, else NOT_LOCKED. Waiters may then be granted.
 */
public final class UnlockOp extends Op<UnlockRequest, UnlockResponse> {

    public UnlockOp(LockTable table) {
        super(table);
    }

    @Override
    protected UnlockResponse execute(UnlockRequest r) {
        ByteString file = Wire.file(r.getFile());
        Owner owner = Wire.owner(r.getOwner());
        return table.read(t -> {
            ClientEntry client = Wire.client(t, owner.client());
            boolean done = t.write(ch -> ByteRangeLocks.unlock(t.file(file), owner, client.protocol(),
                    Wire.range(r.getRange()), ch));
            if (!done) {
                throw new StatusException(Status.NOT_LOCKED, "no lock of exactly that range");
            }
            WaitQueue.grantWaiters(t, file);
            return UnlockResponse.getDefaultInstance();
        });
    }

    @Override
    protected UnlockResponse failure(Status status) {
        return UnlockResponse.newBuilder().setStatus(status).build();
    }
}
