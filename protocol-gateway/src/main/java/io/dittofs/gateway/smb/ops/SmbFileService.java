package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.NamespaceEvents;
import io.dittofs.gateway.fs.NotifyingFileSystem;
import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.smb.server.SmbCommands;
import io.dittofs.gateway.smb.server.SmbServerSettings;

/**
 * What the SMB file commands of every connection share: the file-system facade, the lock manager
 * (null: no share modes or byte-range locks beyond this gateway — tests without a lock-service),
 * the server-wide open counts and delete-pending flags, the blocking-lock waits and the directory
 * watches of CHANGE_NOTIFY. {@link
 * #connection()} builds one connection's commands (the {@code SmbServer} factory).
 */
public final class SmbFileService {

    /** Opens one connection may hold (smbtorture's maxfid opens thousands). */
    static final int MAX_OPENS = 65536;

    final FileSystem fs;
    final LockManager locks;
    final SharedFiles files = new SharedFiles();
    final LockWaits waits = new LockWaits();
    final ExtraAttributes times = new ExtraAttributes();
    final ResumeKeys resumeKeys = new ResumeKeys();
    final Oplocks oplocks = new Oplocks(this);
    final DurableOpens durables = new DurableOpens(this);
    /** FileIds are unique server-wide, so a durable open keeps its FileId on another connection. */
    final java.util.concurrent.atomic.AtomicLong fileIds = new java.util.concurrent.atomic.AtomicLong(1);
    private volatile java.time.Duration breakTimeout = java.time.Duration.ofSeconds(35);
    final SmbServerSettings settings;
    final Notifications notifications;
    /** The facade's change events (null without a file system); SMB publishes the changes it keeps itself. */
    final NamespaceEvents events;

    /**
     * @param fs the gateway's facade; when it is a {@link NotifyingFileSystem}, CHANGE_NOTIFY sees
     *           the changes of every protocol through it, otherwise it is wrapped here and sees SMB's
     */
    public SmbFileService(FileSystem fs, LockManager locks, SmbServerSettings settings) {
        NotifyingFileSystem notifying = fs == null || fs instanceof NotifyingFileSystem ? (NotifyingFileSystem) fs
                : new NotifyingFileSystem(fs, new NamespaceEvents());
        this.fs = notifying;
        this.locks = locks;
        this.settings = settings;
        this.events = notifying == null ? null : notifying.events();
        this.notifications = notifying == null ? null : new Notifications(events);
    }

    /** The listener to add to the gateway's lock event router (blocking locks complete on its Granted events). */
    public LockWaits waits() {
        return waits;
    }

    /**
     * The listener to add to the gateway's lock event router: Granted events complete blocking
     * locks, Break events become OPLOCK_BREAK notifications.
     */
    public io.dittofs.gateway.locks.LockEventListener lockEvents() {
        return e -> {
            waits.onEvent(e);
            oplocks.onEvent(e);
        };
    }

    /** How long an oplock break waits for the holder's acknowledgment (MS-SMB2: 35 s) before the server gives up for it. */
    public void breakTimeout(java.time.Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("oplock break timeout must be positive: " + timeout);
        }
        this.breakTimeout = timeout;
    }

    java.time.Duration breakTimeout() {
        return breakTimeout;
    }

    /** One connection's file commands; none at all in a gateway without a file system (configuration tests). */
    public SmbCommands connection() {
        return fs == null ? SmbCommands.NONE : new FileCommands(this);
    }
}
