package io.dittofs.gateway.nfs.v4.state;

import io.dittofs.gateway.fs.model.OpenFile;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open stateids (RFC 7530 §9.1.4): 12 random bytes of "other" and a seqid bumped by every change.
 * Kept in the gateway for now (share reservations are not yet sent to the lock-service), so a
 * gateway restart loses them: the client sees BAD_STATEID and re-opens.
 *
 * <p>Lock order: after {@link ClientStates}; the map is concurrent and each {@link Open} is
 * immutable except through {@link #replace}.
 */
public final class OpenStates {

    /** One open: whose, of what, granted which access. */
    public record Open(long clientId, String owner, OpenFile file, int access, int deny, int seqid) {
    }

    public static final int STATEID_OTHER = 12;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Open> opens = new ConcurrentHashMap<>();
    private final Set<String> confirmedOwners = ConcurrentHashMap.newKeySet();

    /** @return the new stateid's "other" */
    public byte[] add(Open o) {
        byte[] other = new byte[STATEID_OTHER];
        random.nextBytes(other);
        opens.put(HexFormat.of().formatHex(other), o);
        return other;
    }

    public Open get(byte[] other) {
        return opens.get(HexFormat.of().formatHex(other));
    }

    public Open replace(byte[] other, Open o) {
        opens.put(HexFormat.of().formatHex(other), o);
        return o;
    }

    public Open remove(byte[] other) {
        return opens.remove(HexFormat.of().formatHex(other));
    }

    /** 4.0: whether the owner needs OPEN_CONFIRM (its first open). */
    public boolean ownerConfirmed(long clientId, String owner) {
        return confirmedOwners.contains(clientId + "/" + owner);
    }

    public void confirmOwner(long clientId, String owner) {
        confirmedOwners.add(clientId + "/" + owner);
    }

    /** Open stateids the client holds (for tests and DESTROY_CLIENTID). */
    public Set<Open> of(long clientId) {
        Set<Open> s = new HashSet<>();
        opens.values().stream().filter(o -> o.clientId() == clientId).forEach(s::add);
        return s;
    }
}
