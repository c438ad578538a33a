package io.dittofs.gateway.share;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Maps the share id carried in every file handle (assigned by the metadata-service) back to the
 * share's name, so per-share rules apply to every call. Learned from GetRoot; an unknown id asks
 * the metadata-service for the roots of all current shares once more (handles survive restarts
 * of the gateway without a new MOUNT).
 */
public final class ShareIds {

    private final ShareRegistry registry;
    private final ToLongFunction<String> rootShareId;
    private final Map<Long, String> names = new ConcurrentHashMap<>();

    /** @param rootShareId share name → its id (a GetRoot call); -1 if the share cannot be resolved */
    public ShareIds(ShareRegistry registry, ToLongFunction<String> rootShareId) {
        this.registry = registry;
        this.rootShareId = rootShareId;
    }

    public void learn(long id, String name) {
        names.put(id, name);
    }

    /** The share a handle belongs to, or empty when no current share has that id (STALE). */
    public Optional<Share> share(long id) {
        if (id < 0) {
            return Optional.empty();
        }
        String name = names.get(id);
        if (name == null) {
            for (Share s : registry.all()) {
                long sid = rootShareId.applyAsLong(s.name());
                if (sid >= 0) {
                    names.put(sid, s.name());
                }
            }
            name = names.get(id);
        }
        return name == null ? Optional.empty() : registry.byName(name);
    }
}
