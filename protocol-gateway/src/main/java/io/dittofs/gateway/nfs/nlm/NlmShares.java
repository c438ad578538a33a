package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.locks.ClientRef;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock-service open ids behind NLM SHARE reservations, by (client, owner, file), so UNSHARE can
 * close them. The reservations themselves live in the lock-service.
 */
public final class NlmShares {

    private record Key(ClientRef client, String owner, String file) {
    }

    private final Map<Key, byte[]> opens = new ConcurrentHashMap<>();

    private static Key key(ClientRef client, byte[] owner, byte[] file) {
        return new Key(client, Arrays.toString(owner), Arrays.toString(file));
    }

    void put(ClientRef client, byte[] owner, byte[] file, byte[] openId) {
        opens.put(key(client, owner, file), openId);
    }

    Optional<byte[]> remove(ClientRef client, byte[] owner, byte[] file) {
        return Optional.ofNullable(opens.remove(key(client, owner, file)));
    }

    /** The host's shares went with its lock-service client (FREE_ALL, reboot). */
    public void forget(ClientRef client) {
        opens.keySet().removeIf(k -> k.client().equals(client));
    }
}
