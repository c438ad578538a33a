package io.dittofs.gateway.fs.grpc;

import io.dittofs.gateway.fs.AttrCache;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;

/**
 * The metadata channel of a gateway that caches attributes: calls carry the gateway id and apply
 * the invalidations in their answers, and the invalidation stream keeps the cache's lease.
 */
public final class CoherentMetadata implements AutoCloseable {

    private final AttrCache cache;
    private final InvalidationWatch watch;
    private final Channel channel;

    public CoherentMetadata(Channel metadata, AttrCache cache) {
        this.cache = cache;
        this.watch = new InvalidationWatch(metadata, cache);
        this.channel = ClientInterceptors.intercept(metadata, new CacheCoherence(cache, watch));
    }

    /** Starts the invalidation stream; the cache serves once the service answered a first renew. */
    public CoherentMetadata start() {
        watch.start();
        return this;
    }

    /** The channel the facade must use for every metadata call. */
    public Channel channel() {
        return channel;
    }

    public AttrCache cache() {
        return cache;
    }

    public InvalidationWatch watch() {
        return watch;
    }

    @Override
    public void close() {
        watch.close();
    }
}
