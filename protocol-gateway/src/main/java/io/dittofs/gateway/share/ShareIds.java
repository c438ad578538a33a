package io.dittofs.gateway.share;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Maps the share id carried in every file handle back to the share, so per-share rules apply to
 * every call. With the control plane the registry knows every share's id from the watch stream
 * (the control plane assigns them): the answer is a map read, and an unknown id is STALE at once.
 * Without it (static shares, ids assigned by the metadata-service on first use) ids are learned
 * from GetRoot, and an unknown id asks for the roots of all current shares once more, so handles
 * survive a restart of the gateway without a new MOUNT.
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
        if (registry.assignsIds()) {
            return registry.byId(id);
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
