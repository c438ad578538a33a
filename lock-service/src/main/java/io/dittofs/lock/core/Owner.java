package io.dittofs.lock.core;

import com.google.protobuf.ByteString;
import java.util.Objects;

/** A lock owner: the client it belongs to and the protocol's owner bytes (NLM svid, NFSv4 lock_owner, SMB open). */
public record Owner(ByteString client, ByteString owner) {
    public Owner {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(owner, "owner");
    }

    @Override
    public String toString() {
        return Ids.hex(client) + "/" + Ids.hex(owner);
    }
}
