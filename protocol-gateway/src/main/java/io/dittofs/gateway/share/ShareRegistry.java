package io.dittofs.gateway.share;

import java.util.Collection;
import java.util.Optional;

/**
 * The shares this gateway exports. Static from properties today; a control-plane watch will feed
 * another implementation, so it stays this small and is asked on every call (no caching of rules
 * beyond the registry itself).
 */
public interface ShareRegistry {

    Collection<Share> all();

    Optional<Share> byName(String name);

    /**
     * Whether this registry knows every share's id (assigned by the control plane): then a file
     * handle's share id is resolved by {@link #byId} alone, and an unknown id is STALE at once.
     */
    default boolean assignsIds() {
        return false;
    }

    /** The share with this id, when {@link #assignsIds()}. */
    default Optional<Share> byId(long id) {
        return Optional.empty();
    }

    /** This registry as one protocol sees it: shares not served over {@code protocol} are absent. */
    default ShareRegistry servedOver(ShareProtocol protocol) {
        ShareRegistry all = this;
        return new ShareRegistry() {
            @Override
            public Collection<Share> all() {
                return all.all().stream().filter(s -> s.serves(protocol)).toList();
            }

            @Override
            public Optional<Share> byName(String name) {
                return all.byName(name).filter(s -> s.serves(protocol));
            }

            @Override
            public boolean assignsIds() {
                return all.assignsIds();
            }

            @Override
            public Optional<Share> byId(long id) {
                return all.byId(id).filter(s -> s.serves(protocol));
            }

            @Override
            public Optional<Share> byExportPath(String path) {
                return all.byExportPath(path).filter(s -> s.serves(protocol));
            }
        };
    }

    /** The share exported at {@code path} (MOUNT's dirpath). */
    default Optional<Share> byExportPath(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return all().stream().filter(s -> s.exportPath().equals(p)).findFirst();
    }
}
