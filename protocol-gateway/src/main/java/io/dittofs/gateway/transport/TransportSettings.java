package io.dittofs.gateway.transport;

import java.time.Duration;

/**
 * Limits of one TCP listener. Every limit protects the server from one kind of client: too many
 * sockets ({@code maxConnections}, {@code maxConnectionsPerAddress}, {@code reservedConnections}),
 * sockets that never finish a frame ({@code firstFrameTimeout}, {@code frameDeadline}), sockets
 * left open ({@code idleTimeout}), clients that send calls but never read the replies
 * ({@code maxUnsentBytesPerConnection}) and many clients at once ({@code maxBufferedBytes}).
 *
 * @param maxConnections              connections open at once; more are closed on accept
 * @param maxConnectionsPerAddress    connections open at once from one client address
 * @param reservedConnections         the last slots below {@code maxConnections}, given only to an
 *                                    address that holds no connection yet
 * @param idleTimeout                 a connection with nothing in flight and no traffic is closed
 * @param firstFrameTimeout           a connection that has not completed one frame is closed
 * @param frameDeadline               a started frame must be complete within this time, and
 *                                    replies not consumed for this long close the connection
 * @param maxInFlightPerConnection    requests running at once per connection before reading stops
 * @param maxUnsentBytesPerConnection unsent reply bytes per connection before reading stops
 * @param maxBufferedBytes            request and reply bytes buffered by all connections together
 *                                    before connections that add more stop reading
 */
public record TransportSettings(int maxConnections, int maxConnectionsPerAddress, int reservedConnections,
                                Duration idleTimeout, Duration firstFrameTimeout, Duration frameDeadline,
                                int maxInFlightPerConnection, int maxUnsentBytesPerConnection, long maxBufferedBytes) {

    public TransportSettings {
        if (maxConnections < 1 || maxConnectionsPerAddress < 1 || maxInFlightPerConnection < 1
                || maxUnsentBytesPerConnection < 1 || maxBufferedBytes < 1) {
            throw new IllegalArgumentException("transport limits must be positive");
        }
        if (reservedConnections < 0 || reservedConnections >= maxConnections) {
            throw new IllegalArgumentException("reserved connections (" + reservedConnections
                    + ") must be 0.." + (maxConnections - 1));
        }
    }

    /** Lenient limits for tests and tools: nothing but the given caps matters. */
    public static TransportSettings defaults(int maxConnections, int maxInFlightPerConnection, Duration idleTimeout) {
        return new TransportSettings(maxConnections, maxConnections, 0, idleTimeout, idleTimeout, idleTimeout,
                maxInFlightPerConnection, 4 << 20, 256L << 20);
    }
}
