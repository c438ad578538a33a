package io.dittofs.gateway.locks;

/**
 * The gateway's one door to lock state (byte ranges, share reservations, and later caching grants):
 * protocol code (NLM, NFSv4, SMB) calls this with neutral records and maps the neutral
 * {@link LockStatus} in its own table; only the implementation talks to the lock-service.
 */
public interface LockManager {

    /** Registers (or finds again) a protocol client; the returned id scopes its owners. */
    ClientRef registerClient(LockProtocol protocol, byte[] clientKey, int leaseSeconds);

    LockOutcome lock(LockSpec spec);

    /** Would {@code spec} be granted? OK, or DENIED with the conflict. */
    LockOutcome test(LockSpec spec);

    LockStatus unlock(LockTarget target);

    /**
     * SMB mandatory locking: OK, or LOCKED when another owner's lock covers part of the I/O range
     * (a read conflicts with exclusive locks, a write with any).
     */
    LockStatus checkIo(LockTarget target, boolean write);

    /** Withdraws a queued blocking request. */
    LockStatus cancel(LockTarget target);

    /** Keeps a leased client (NFSv4) alive. */
    LockStatus renewClient(ClientRef client);

    /** The client finished reclaiming after a restart (NFSv4.1 RECLAIM_COMPLETE). */
    LockStatus reclaimComplete(ClientRef client);

    /** Drops every lock, open and grant of the client (NSM reboot notification, NLM FREE_ALL). */
    LockStatus releaseClient(ClientRef client);

    OpenOutcome open(OpenSpec spec);

    LockStatus close(byte[] openId);

    /**
     * NFSv4 OPEN: like {@link #open}, but an open of the same owner on the same file is upgraded to
     * the union of the bits (and keeps its id) instead of adding a second one.
     */
    OpenOutcome openOrUpgrade(OpenSpec spec);

    /**
     * NFSv4 OPEN that may also ask for a delegation ({@code grantBits}: READ = 1 for a read delegation,
     * READ|WRITE = 3 for a write delegation; 0 none). With {@code breakConflicting} another holder's
     * conflicting grant is recalled and the answer is BREAK_PENDING until it is returned or revoked.
     */
    OpenOutcome openOrUpgrade(OpenSpec spec, int grantBits, boolean breakConflicting);

    /**
     * SMB CREATE: a new open (never an upgrade; every SMB open is its own owner) that may ask for a
     * caching grant held by the open itself ({@code grantBits}: an oplock, level II = READ, exclusive
     * = READ|WRITE, batch = READ|WRITE|HANDLE). With {@code breakConflicting} another holder's
     * conflicting grant is broken and the answer is BREAK_PENDING until it is acknowledged or revoked.
     */
    OpenOutcome openWithGrant(OpenSpec spec, int grantBits, boolean breakConflicting);

    /** The holder of grant {@code grantId} keeps only {@code newBits} (0: returned, e.g. DELEGRETURN). */
    LockStatus ackBreak(byte[] grantId, int newBits);

    /** NFSv4 OPEN_DOWNGRADE: the open keeps a subset of its bits. */
    LockStatus downgrade(byte[] openId, int access, int deny);

    /** One open as held (an NFSv4 gateway rebuilding a stateid after it restarted, or counting locks). */
    OpenInfo getOpen(byte[] openId);

    /**
     * The clients of {@code protocol} whose key starts with {@code keyPrefix}.
     *
     * @throws LockServiceException when the lock-service cannot answer
     */
    java.util.List<ClientRecord> listClients(LockProtocol protocol, byte[] keyPrefix);

    /**
     * Delivers this gateway's lock events (granted blocking locks) to {@code listener} until the
     * returned handle is closed; reconnects by itself when the lock-service restarts.
     */
    AutoCloseable watch(LockEventListener listener);
}
