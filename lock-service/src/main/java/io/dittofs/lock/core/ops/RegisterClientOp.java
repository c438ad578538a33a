package io.dittofs.lock.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.RegisterClientRequest;
import io.dittofs.contracts.lock.v1.RegisterClientResponse;
import io.dittofs.lock.core.ClientEntry;
import io.dittofs.lock.core.LockTable;
import io.dittofs.lock.core.Protocol;

/**
 * Registers a protocol client or finds it again by (protocol, client key): a client that comes
 * back (after its gateway or this service restarted) gets the same id and, during grace, learns
 * whether it held state it may reclaim. Its lease and event gateway are updated.
 */
public final class RegisterClientOp extends Op<RegisterClientRequest, RegisterClientResponse> {

    static final int MAX_LEASE_SECONDS = 86_400;

    public RegisterClientOp(LockTable table) {
        super(table);
    }

    @Override
    protected RegisterClientResponse execute(RegisterClientRequest r) {
        Protocol p = Wire.protocol(r.getProtocol());
        if (r.getClientKey().isEmpty() || r.getClientKey().size() > Wire.MAX_KEY) {
            throw new StatusException(Status.INVAL, "client key must be 1.." + Wire.MAX_KEY + " bytes");
        }
        if (r.getLeaseSeconds() > MAX_LEASE_SECONDS || r.getGatewayId().length() > 256) {
            throw new StatusException(Status.INVAL, "lease_seconds above " + MAX_LEASE_SECONDS + " or gateway id too long");
        }
        return table.read(t -> t.write(ch -> {
            long now = t.now();
            ClientEntry c = t.clientByKey(p, r.getClientKey())
                    .map(old -> new ClientEntry(old.id(), p, old.key(), r.getLeaseSeconds(), r.getGatewayId(), now,
                            old.hadState(), old.reclaimDone()))
                    .orElseGet(() -> new ClientEntry(ch.newId(), p, r.getClientKey(), r.getLeaseSeconds(),
                            r.getGatewayId(), now, false, false));
            ch.putClient(c, true);
            return RegisterClientResponse.newBuilder().setClientId(c.id()).setInGrace(t.inGrace())
                    .setHadState(c.hadState() && t.inGrace()).build();
        }));
    }

    @Override
    protected RegisterClientResponse failure(Status status) {
        return RegisterClientResponse.newBuilder().setStatus(status).build();
    }
}
