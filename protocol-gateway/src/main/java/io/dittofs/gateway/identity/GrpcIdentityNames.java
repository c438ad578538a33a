package io.dittofs.gateway.identity;

import io.dittofs.contracts.control.v1.IdentityServiceGrpc;
import io.dittofs.contracts.control.v1.ResolveGroupRequest;
import io.dittofs.contracts.control.v1.ResolveUserRequest;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Names from the control plane's IdentityService (ResolveUser / ResolveGroup), each answer —
 * found or not — kept for {@code ttl} so a GETATTR of many files asks once per owner. A failed
 * lookup is not cached and answers "unknown" (protocols then use numeric ids).
 */
public final class GrpcIdentityNames implements IdentityNames {

    private static final Logger log = LoggerFactory.getLogger(GrpcIdentityNames.class);
    /** Beyond this many cached answers the cache is cleared rather than grown. */
    private static final int MAX_ENTRIES = 10_000;

    private record Cached(Object value, long expiresNanos) {
    }

    private final IdentityServiceGrpc.IdentityServiceBlockingStub stub;
    private final Duration timeout;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public GrpcIdentityNames(Channel controlPlane, Duration timeout, Duration ttl) {
        this.stub = IdentityServiceGrpc.newBlockingStub(controlPlane);
        this.timeout = timeout;
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public Optional<String> userName(int uid) {
        return cached("u" + Integer.toUnsignedString(uid), () -> {
            var r = stub().resolveUser(ResolveUserRequest.newBuilder().setUid(uid).build());
            return r.getFound() && !r.getUser().getName().isEmpty() ? r.getUser().getName() : null;
        }).map(String.class::cast);
    }

    @Override
    public Optional<String> groupName(int gid) {
        return cached("g" + Integer.toUnsignedString(gid), () -> {
            var r = stub().resolveGroup(ResolveGroupRequest.newBuilder().setGid(gid).build());
            return r.getFound() && !r.getGroup().getName().isEmpty() ? r.getGroup().getName() : null;
        }).map(String.class::cast);
    }

    @Override
    public OptionalInt uid(String name) {
        return cached("U" + name, () -> {
            var r = stub().resolveUser(ResolveUserRequest.newBuilder().setName(name).build());
            return r.getFound() ? r.getUser().getUid() : null;
        }).map(v -> OptionalInt.of((Integer) v)).orElse(OptionalInt.empty());
    }

    @Override
    public OptionalInt gid(String name) {
        return cached("G" + name, () -> {
            var r = stub().resolveGroup(ResolveGroupRequest.newBuilder().setName(name).build());
            return r.getFound() ? r.getGroup().getGid() : null;
        }).map(v -> OptionalInt.of((Integer) v)).orElse(OptionalInt.empty());
    }

    private IdentityServiceGrpc.IdentityServiceBlockingStub stub() {
        return stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A missing answer is cached as null-valued so unknown names are not asked again within the ttl. */
    private Optional<Object> cached(String key, Supplier<Object> lookup) {
        long now = System.nanoTime();
        Cached c = cache.get(key);
        if (c != null && now - c.expiresNanos() < 0) {
            return Optional.ofNullable(c.value());
        }
        Object v;
        try {
            v = lookup.get();
        } catch (StatusRuntimeException e) {
            log.warn("identity service lookup {} failed: {}", key, e.getStatus());
            return Optional.empty();
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Cached(v, now + ttlNanos));
        return Optional.ofNullable(v);
    }
}
