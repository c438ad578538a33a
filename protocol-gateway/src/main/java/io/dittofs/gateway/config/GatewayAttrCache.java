package io.dittofs.gateway.config;

import io.dittofs.gateway.fs.grpc.CoherentMetadata;
import java.util.Optional;

/** The gateway's attribute cache if it has one (a bean of its own: Spring reads Optional<T> as "maybe a T"). */
public record GatewayAttrCache(Optional<CoherentMetadata> cache) implements AutoCloseable {

    @Override
    public void close() {
        cache.ifPresent(CoherentMetadata::close);
    }
}
