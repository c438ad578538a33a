package io.dittofs.gateway.smb.server;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/** The sessions of one connection, capped; ids are random and never 0 or -1 (the compound "same session"). */
final class SessionTable {

    private final SecureRandom random = new SecureRandom();
    private final Map<Long, SmbSession> sessions = new HashMap<>();
    /**
     * Sessions logged off on this connection, the latest few: a signed request that still names one
     * gets USER_SESSION_DELETED signed with its key (a client that requires signing drops an unsigned
     * answer as a forgery before it reads the status).
     */
    private final java.util.LinkedHashMap<Long, SmbSession> loggedOff = new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SmbSession> eldest) {
            return size() > LOGGED_OFF_KEPT;
        }
    };
    private static final int LOGGED_OFF_KEPT = 16;
    private final int max;
    private final SessionRegistry registry;
    private final java.util.function.Consumer<SmbSession> expire;

    SessionTable(int max) {
        this(max, new SessionRegistry(), s -> { });
    }

    /** Sessions reserved server-wide in {@code registry}; {@code expire} closes one a reconnecting client replaces. */
    SessionTable(int max, SessionRegistry registry, java.util.function.Consumer<SmbSession> expire) {
        this.max = max;
        this.registry = registry;
        this.expire = expire;
    }

    /** A new session, or null when the connection holds its maximum. */
    SmbSession create(byte[] preauthHash) {
        if (sessions.size() >= max) {
            return null;
        }
        while (true) {
            long id = random.nextLong();
            if (id == 0 || id == -1 || sessions.containsKey(id)) {
                continue;
            }
            SmbSession s = new SmbSession(id, preauthHash);
            if (registry.reserve(id, new SessionRegistry.Owner(s, expire))) {
                sessions.put(id, s);
                return s;
            }
        }
    }

    SmbSession get(long id) {
        return sessions.get(id);
    }

    void remove(long id) {
        SmbSession s = sessions.remove(id);
        if (s != null) {
            registry.release(id, s);
        }
    }

    /** Ends a session by LOGOFF: gone, but its signing key is kept to answer requests that still name it. */
    void logoff(long id) {
        SmbSession s = sessions.remove(id);
        if (s != null) {
            registry.release(id, s);
            loggedOff.put(id, s);
        }
    }

    /** A session this connection logged off lately, or null. */
    SmbSession loggedOff(long id) {
        return loggedOff.get(id);
    }

    /** The server-wide table this one reserves its ids in. */
    SessionRegistry registry() {
        return registry;
    }

    java.util.Collection<SmbSession> all() {
        return java.util.List.copyOf(sessions.values());
    }

    int size() {
        return sessions.size();
    }
}
