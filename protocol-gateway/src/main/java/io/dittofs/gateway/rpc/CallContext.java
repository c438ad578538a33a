package io.dittofs.gateway.rpc;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a call came from, where it arrived (the local address the client connected to), how it
 * was authenticated, and — on TCP — a client for calling the peer back on the same connection.
 *
 * @param backchannel null on UDP and in tests without a connection; use {@link #callbackClient()}
 */
public record CallContext(InetSocketAddress remote, InetSocketAddress local, Credential credential, boolean tcp,
                          RpcClient backchannel, String traceTag) {

    private static final InetSocketAddress UNKNOWN_LOCAL = new InetSocketAddress(0);
    private static final AtomicLong CONNECTIONS = new AtomicLong();

    /** A new connection (or UDP datagram): it gets the next trace tag of this gateway. */
    public CallContext(InetSocketAddress remote, InetSocketAddress local, Credential credential, boolean tcp,
                       RpcClient backchannel) {
        this(remote, local, credential, tcp, backchannel, (tcp ? "n" : "u") + Long.toHexString(CONNECTIONS.incrementAndGet()));
    }

    /** A call whose local address is unknown (tests, tools). */
    public CallContext(InetSocketAddress remote, Credential credential, boolean tcp) {
        this(remote, UNKNOWN_LOCAL, credential, tcp, null);
    }

    public String clientAddress() {
        return remote.getAddress().getHostAddress();
    }

    /** The address the client reached, or empty when unknown or a wildcard (a UDP socket bound to 0.0.0.0). */
    public Optional<InetAddress> localAddress() {
        InetAddress a = local == null ? null : local.getAddress();
        return a == null || a.isAnyLocalAddress() ? Optional.empty() : Optional.of(a);
    }

    public Optional<RpcClient> callbackClient() {
        return Optional.ofNullable(backchannel);
    }

    public CallContext withCredential(Credential c) {
        return new CallContext(remote, local, c, tcp, backchannel, traceTag);
    }

    /**
     * The trace id of call {@code xid} on this connection, e.g. {@code n1f-8a3b2c01}: the
     * connection's tag and the xid in hex, so a log line leads to the packet in a capture.
     */
    public String traceId(int xid) {
        return traceTag + "-" + Integer.toHexString(xid);
    }
}
