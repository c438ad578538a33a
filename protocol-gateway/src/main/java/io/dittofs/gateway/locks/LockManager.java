package io.dittofs.gateway.locks;

import io.dittofs.contracts.common.v1.Status;

/**
 * The gateway's one door to lock state (byte ranges, share reservations, and later caching grants):
 * protocol code (NLM, NFSv4, SMB) calls this with neutral records and maps the neutral
 * {@link Status} in its own table; only the implementation talks to the lock-service.
 */
public interface LockManager {

    /** Registers (or finds again) a protocol client; the returned id scopes its owners. */
    ClientRef registerClient(LockProtocol protocol, byte[] clientKey, int leaseSeconds);

    LockOutcome lock(LockSpec spec);

    /** Would {@code spec} be granted? OK, or DENIED with the conflict. */
    LockOutcome test(LockSpec spec);

    Status unlock(LockTarget target);

    /** Withdraws a queued blocking request. */
    Status cancel(LockTarget target);

    /** Drops every lock, open and grant of the client (NSM reboot notification, NLM FREE_ALL). */
    Status releaseClient(ClientRef client);

    OpenOutcome open(OpenSpec spec);

    Status close(byte[] openId);

    /**
     * Delivers this gateway's lock events (granted blocking locks) to {@code listener} until the
     * returned handle is closed; reconnects by itself when the lock-service restarts.
     */
    AutoCloseable watch(LockEventListener listener);
}
