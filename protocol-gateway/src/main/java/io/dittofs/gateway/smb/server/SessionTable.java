package io.dittofs.gateway.smb.server;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/** The sessions of one connection, capped; ids are random and never 0 or -1 (the compound "same session"). */
final class SessionTable {

    private final SecureRandom random = new SecureRandom();
    private final Map<Long, SmbSession> sessions = new HashMap<>();
    private final int max;

    SessionTable(int max) {
        this.max = max;
    }

    /** A new session, or null when the connection holds its maximum. */
    SmbSession create(byte[] preauthHash) {
        if (sessions.size() >= max) {
            return null;
        }
        long id;
        do {
            id = random.nextLong();
        } while (id == 0 || id == -1 || sessions.containsKey(id));
        SmbSession s = new SmbSession(id, preauthHash);
        sessions.put(id, s);
        return s;
    }

    SmbSession get(long id) {
        return sessions.get(id);
    }

    void remove(long id) {
        sessions.remove(id);
    }

    java.util.Collection<SmbSession> all() {
        return java.util.List.copyOf(sessions.values());
    }

    int size() {
        return sessions.size();
    }
}
