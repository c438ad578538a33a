package io.dittofs.lock.core.ops;

import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.ClientRequest;
import io.dittofs.contracts.lock.v1.ClientResponse;
import io.dittofs.lock.core.ClientEntry;
import io.dittofs.lock.core.ClientRelease;
import io.dittofs.lock.core.Housekeeping;
import io.dittofs.lock.core.LockTable;

/**
 * The client finished reclaiming: what it did not reclaim is dropped now. When every client that
 * held state before the restart has said so, the grace period ends early.
 */
public final class ReclaimCompleteOp extends Op<ClientRequest, ClientResponse> {

    public ReclaimCompleteOp(LockTable table) {
        super(table);
    }

    @Override
    protected ClientResponse execute(ClientRequest r) {
        table.read(t -> {
            ClientEntry c = Wire.client(t, r.getClientId());
            if (!t.inGrace() || c.reclaimDone()) {
                return null;
            }
            ClientRelease.release(t, c.id(), true, false);
            t.write(ch -> {
                ClientEntry now = t.client(c.id()).orElse(c);
                ch.putClient(new ClientEntry(now.id(), now.protocol(), now.key(), now.leaseSeconds(), now.gatewayId(),
                        now.renewedMs(), now.hadState(), true), false);
                return null;
            });
            boolean allDone = true;
            for (ClientEntry other : t.clients()) {
                allDone &= !other.hadState() || other.reclaimDone();
            }
            if (allDone) {
                Housekeeping.endGrace(t);
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
