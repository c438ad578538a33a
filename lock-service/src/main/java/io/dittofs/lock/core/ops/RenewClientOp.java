package io.dittofs.lock.core.ops;

import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.ClientRequest;
import io.dittofs.contracts.lock.v1.ClientResponse;
import io.dittofs.lock.core.LockTable;

/** Renews a client's lease; EXPIRED once it ran out (its state is gone). */
public final class RenewClientOp extends Op<ClientRequest, ClientResponse> {

    public RenewClientOp(LockTable table) {
        super(table);
    }

    @Override
    protected ClientResponse execute(ClientRequest r) {
        table.read(t -> Wire.client(t, r.getClientId()));
        return ClientResponse.getDefaultInstance();
    }

    @Override
    protected ClientResponse failure(Status status) {
        return ClientResponse.newBuilder().setStatus(status).build();
    }
}
