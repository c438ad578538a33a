package io.dittofs.lock.core.ops;

import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.ClientRequest;
import io.dittofs.contracts.lock.v1.ClientResponse;
import io.dittofs.lock.core.ClientRelease;
import io.dittofs.lock.core.LockTable;

/**
 * Releases every open, lock, grant and queued request of a client and forgets it; waiters it
 * blocked may be granted. Releasing an unknown client is OK: a repeated NSM notification or
 * logoff must not fail.
 */
public final class ReleaseClientOp extends Op<ClientRequest, ClientResponse> {

    public ReleaseClientOp(LockTable table) {
        super(table);
    }

    @Override
    protected ClientResponse execute(ClientRequest r) {
        table.read(t -> {
            if (t.client(r.getClientId()).isPresent()) {
                ClientRelease.release(t, r.getClientId(), false, true);
            }
            return null;
        });
        return ClientResponse.getDefaultInstance();
    }

    @Override
    protected ClientResponse failure(Status status) {
        return ClientResponse.newBuilder().setStatus(status).build();
    }
}
