package io.dittofs.lock.core;

import com.google.protobuf.ByteString;

/**
 * A registered protocol client. {@code leaseSeconds == 0} never expires (NLM and SMB clients are
 * released explicitly). {@code hadState} is true for a client loaded from the store with state it
 * may reclaim; {@code reclaimDone} once it said ReclaimComplete.
 */
public record ClientEntry(ByteString id, Protocol protocol, ByteString key, int leaseSeconds, String gatewayId,
                          long renewedMs, boolean hadState, boolean reclaimDone) {

    public ClientEntry renewed(long now) {
        return new ClientEntry(id, protocol, key, leaseSeconds, gatewayId, now, hadState, reclaimDone);
    }

    public boolean expired(long now) {
        return leaseSeconds > 0 && now - renewedMs > leaseSeconds * 1000L;
    }
}
