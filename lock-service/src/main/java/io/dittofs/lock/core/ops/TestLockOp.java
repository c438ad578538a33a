package io.dittofs.lock.core.ops;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.LockRequest;
import io.dittofs.contracts.lock.v1.LockType;
import io.dittofs.contracts.lock.v1.TestLockResponse;
import io.dittofs.lock.core.ByteRangeLocks;
import io.dittofs.lock.core.ClientEntry;
import io.dittofs.lock.core.HeldLock;
import io.dittofs.lock.core.LockTable;
import io.dittofs.lock.core.Owner;

/** Would the lock be granted now? OK, or DENIED with the first conflicting lock (NLM TEST, NFSv4 LOCKT). */
public final class TestLockOp extends Op<LockRequest, TestLockResponse> {

    public TestLockOp(LockTable table) {
        super(table);
    }

    @Override
    protected TestLockResponse execute(LockRequest r) {
        ByteString file = Wire.file(r.getFile());
        Owner owner = Wire.owner(r.getOwner());
        return table.read(t -> {
            ClientEntry client = Wire.client(t, owner.client());
            HeldLock probe = new HeldLock(ByteString.EMPTY, file, owner, client.protocol(), Wire.range(r.getRange()),
                    r.getType() == LockType.WRITE, r.getOpenId(), false);
            return ByteRangeLocks.firstConflict(t.file(file), probe)
                    .map(c -> TestLockResponse.newBuilder().setStatus(Status.DENIED).setConflict(Wire.conflict(c)).build())
                    .orElse(TestLockResponse.getDefaultInstance());
        });
    }

    @Override
    protected TestLockResponse failure(Status status) {
        return TestLockResponse.newBuilder().setStatus(status).build();
    }
}
