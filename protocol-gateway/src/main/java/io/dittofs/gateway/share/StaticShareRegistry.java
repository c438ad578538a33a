package io.dittofs.gateway.share;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shares fixed at start-up (from {@code dittofs.gateway.exports}). */
public final class StaticShareRegistry implements ShareRegistry {

    private final Map<String, Share> byName = new LinkedHashMap<>();

    public StaticShareRegistry(List<Share> shares) {
        for (Share s : shares) {
            if (byName.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("dittofs.gateway.exports: share name '" + s.name() + "' used twice");
            }
        }
    }

    @Override
    public Collection<Share> all() {
        return List.copyOf(byName.values());
    }

    @Override
    public Optional<Share> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
