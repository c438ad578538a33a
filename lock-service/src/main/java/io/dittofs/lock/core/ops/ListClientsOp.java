package io.dittofs.lock.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.ListClientsRequest;
import io.dittofs.contracts.lock.v1.ListClientsResponse;
import io.dittofs.contracts.lock.v1.RegisteredClient;
import io.dittofs.lock.core.ClientEntry;
import io.dittofs.lock.core.LockTable;
import io.dittofs.lock.core.Protocol;

/**
 * The registered clients of one protocol whose key starts with a prefix: an NFSv4 gateway that
 * restarted finds its client records (kept in the keys) here. At most {@link #MAX} are answered.
 */
public final class ListClientsOp extends Op<ListClientsRequest, ListClientsResponse> {

    static final int MAX = 10_000;

    public ListClientsOp(LockTable table) {
        super(table);
    }

    @Override
    protected ListClientsResponse execute(ListClientsRequest r) {
        Protocol p = Wire.protocol(r.getProtocol());
        if (r.getKeyPrefix().size() > Wire.MAX_KEY) {
            throw new StatusException(Status.INVAL, "key prefix longer than " + Wire.MAX_KEY + " bytes");
        }
        return table.read(t -> {
            ListClientsResponse.Builder out = ListClientsResponse.newBuilder();
            for (ClientEntry c : t.clients()) {
                if (c.protocol() == p && c.key().startsWith(r.getKeyPrefix()) && out.getClientsCount() < MAX) {
                    out.addClients(RegisteredClient.newBuilder().setClientId(c.id()).setClientKey(c.key()));
                }
            }
            return out.build();
        });
    }

    @Override
    protected ListClientsResponse failure(Status status) {
        return ListClientsResponse.newBuilder().setStatus(status).build();
    }
}
