package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.locks.ClientRef;
import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.locks.LockProtocol;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NLM hosts (by caller name) and the lock-service client each one is: registered on first use,
 * with no lease (NLM state lives until UNLOCK, FREE_ALL or an NSM reboot notification). The last
 * address and version a host called from is where GRANTED callbacks go.
 */
public final class NlmHosts {

    /** One NLM client host. */
    public record Host(String name, ClientRef client, InetAddress address, int version) {
    }

    private final LockManager locks;
    private final Map<String, Host> byName = new ConcurrentHashMap<>();
    private final Map<ClientRef, Host> byClient = new ConcurrentHashMap<>();

    public NlmHosts(LockManager locks) {
        this.locks = locks;
    }

    /** The host behind a call, registering it with the lock-service the first time it is seen. */
    public Host host(String callerName, InetAddress from, int version) {
        Host h = byName.compute(callerName, (name, old) -> {
            ClientRef client = old != null ? old.client()
                    : locks.registerClient(LockProtocol.NLM, name.getBytes(StandardCharsets.UTF_8), 0);
            return old != null && old.address().equals(from) && old.version() == version ? old
                    : new Host(name, client, from, version);
        });
        byClient.put(h.client(), h);
        return h;
    }

    public Optional<Host> byClient(ClientRef client) {
        return Optional.ofNullable(byClient.get(client));
    }

    /**
     * Frees every lock and share of {@code name} (FREE_ALL, SM_NOTIFY after a client reboot). A host
     * this gateway never saw may still hold state through another gateway, so it is registered to be
     * released.
     */
    /** Drops the cached registration of {@code name}; the next call registers again. */
    void forget(String name) {
        Host h = byName.remove(name);
        if (h != null) {
            byClient.remove(h.client());
        }
    }

    public Optional<ClientRef> release(String name) {
        Host h = byName.remove(name);
        ClientRef client = h != null ? h.client()
                : locks.registerClient(LockProtocol.NLM, name.getBytes(StandardCharsets.UTF_8), 0);
        byClient.remove(client);
        locks.releaseClient(client);
        return Optional.of(client);
    }
}
