package io.dittofs.gateway.smb.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fixed table of users and passwords: a fallback for tests and tools, never the product's source. */
public final class StaticNtHashSource implements NtHashSource {

    private final Map<String, NtIdentity> users = new ConcurrentHashMap<>();

    public StaticNtHashSource add(String user, String password, int uid, int gid) {
        users.put(user.toLowerCase(Locale.ROOT), new NtIdentity(user, NtlmCrypto.ntHash(password), uid, gid, List.of()));
        return this;
    }

    @Override
    public Optional<NtIdentity> lookup(String user) {
        return Optional.ofNullable(users.get(user.toLowerCase(Locale.ROOT)));
    }
}
