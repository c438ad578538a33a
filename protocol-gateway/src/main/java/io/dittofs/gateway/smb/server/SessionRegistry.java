package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.smb.auth.NtIdentity;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The server's GlobalSessionTable (MS-SMB2 3.3.1.5): every connection's sessions by id, so a
 * SESSION_SETUP with PreviousSessionId (a client reconnecting, 3.3.5.5.3) can reach the old session
 * on whatever connection holds it. Ids are unique server-wide because a table reserves them here.
 * The owner's {@code expire} closes the session on its own connection (its frames run in order, so
 * the close is queued there rather than run from the reconnecting connection's thread).
 */
final class SessionRegistry {

    record Owner(SmbSession session, Consumer<SmbSession> expire) {
    }

    private final Map<Long, Owner> sessions = new ConcurrentHashMap<>();

    /** Claims {@code id} for {@code owner}; false when another session already holds it. */
    boolean reserve(long id, Owner owner) {
        return sessions.putIfAbsent(id, owner) == null;
    }

    void release(long id, SmbSession session) {
        sessions.computeIfPresent(id, (k, o) -> o.session() == session ? null : o);
    }

    /**
     * Closes the previous session {@code previousId} when it belongs to the same user as
     * {@code who} (3.3.5.5.3: otherwise the request is served and the old session left alone).
     * Returns whether a session was expired.
     */
    boolean expirePrevious(long previousId, SmbSession current, Optional<NtIdentity> who) {
        Owner o = sessions.get(previousId);
        if (o == null || o.session() == current || who.isEmpty() || !sameUser(o.session().identity(), who.get())) {
            return false;
        }
        if (!sessions.remove(previousId, o)) {
            return false;
        }
        o.expire().accept(o.session());
        return true;
    }

    private static boolean sameUser(Optional<NtIdentity> old, NtIdentity now) {
        return old.isPresent() && old.get().uid() == now.uid() && old.get().name().equalsIgnoreCase(now.name());
    }

    int size() {
        return sessions.size();
    }
}
