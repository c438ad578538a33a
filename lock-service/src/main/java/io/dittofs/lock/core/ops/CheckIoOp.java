package io.dittofs.lock.core.ops;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.CheckIoRequest;
import io.dittofs.contracts.lock.v1.CheckIoResponse;
import io.dittofs.lock.core.ByteRangeLocks;
import io.dittofs.lock.core.LockTable;
import io.dittofs.lock.core.Owner;

/** SMB mandatory locking: LOCKED when another owner's lock covers part of the I/O range (see ByteRangeLocks.ioConflict). */
public final class CheckIoOp extends Op<CheckIoRequest, CheckIoResponse> {

    public CheckIoOp(LockTable table) {
        super(table);
    }

    @Override
    protected CheckIoResponse execute(CheckIoRequest r) {
        ByteString file = Wire.file(r.getFile());
        Owner owner = Wire.owner(r.getOwner());
        return table.read(t -> ByteRangeLocks.ioConflict(t.file(file), owner, Wire.range(r.getRange()), r.getWrite())
                .map(c -> CheckIoResponse.newBuilder().setStatus(Status.LOCKED).build())
                .orElse(CheckIoResponse.getDefaultInstance()));
    }

    @Override
    protected CheckIoResponse failure(Status status) {
        return CheckIoResponse.newBuilder().setStatus(status).build();
    }
}
