package io.dittofs.gateway.rpc;

import java.net.InetSocketAddress;

/** Where a call came from and how it was authenticated. */
public record CallContext(InetSocketAddress remote, Credential credential, boolean tcp) {

    public String clientAddress() {
        return remote.getAddress().getHostAddress();
    }
}
