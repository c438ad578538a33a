package io.dittofs.lock.core.ops;

import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.GetGraceRequest;
import io.dittofs.contracts.lock.v1.GetGraceResponse;
import io.dittofs.lock.core.LockTable;

/** Whether the service is in its grace period and until when. */
public final class GetGraceOp extends Op<GetGraceRequest, GetGraceResponse> {

    public GetGraceOp(LockTable table) {
        super(table);
    }

    @Override
    protected GetGraceResponse execute(GetGraceRequest r) {
        return table.read(t -> t.inGrace()
                ? GetGraceResponse.newBuilder().setInGrace(true).setGraceEndsEpochMs(t.graceEndsMs()).build()
                : GetGraceResponse.getDefaultInstance());
    }

    @Override
    protected GetGraceResponse failure(Status status) {
        return GetGraceResponse.newBuilder().setStatus(status).build();
    }
}
