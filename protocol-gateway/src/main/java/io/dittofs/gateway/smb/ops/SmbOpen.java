package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.smb.wire.FileId;
import java.util.ArrayList;
import java.util.List;

/**
 * One open of a disk tree (MS-SMB2 3.3.1.10): the file, where it sits (parent and name, for
 * delete-on-close and rename), the access granted, the share reservation in the lock-service, the
 * byte-range locks taken through it and, for directories, the enumeration in progress. Fields a
 * command changes are guarded by the open's monitor (commands of one open may run concurrently).
 */
public final class SmbOpen {

    private final FileId id;
    private final io.dittofs.gateway.identity.Principal principal;
    private volatile long sessionId;
    private volatile int treeId;
    private final Handle handle;
    private final boolean directory;
    private final int access;
    private final byte[] lockOpenId;
    private final SharedFiles.Entry entry;
    private final boolean writeThrough;
    private Handle parent;
    private String name;
    private String path;
    private OpenFile io;
    private boolean ioStale;
    private boolean deleteOnClose;
    /** DELETE was decided at open by an explicit ACL, or this open created the file (MS-FSA: checked once, at open). */
    private boolean deleteChecked;
    private long position;
    private int mode;
    private DirectoryScan scan;
    private final List<long[]> locks = new ArrayList<>();
    private final List<Runnable> pendingLocks = new ArrayList<>();
    private NotifyWatch watch;
    /** Set by FSCTL_LMR_REQUEST_RESILIENCY (MS-SMB2 3.3.5.15.9); null while the open is not resilient. */
    private LockSequences lockSequences;
    private int resiliencyTimeoutMs;
    /** The named stream this open is of (as stored), or null for the file itself. */
    private String stream;
    /**
     * The stream's lock-service key, fixed when the open was made: share reservation and byte-range
     * locks were taken under it, so a stream renamed through this open keeps it until the close.
     */
    private byte[] key;
    private boolean streamSharesDelete;
    /** The connection's commands that hold this open now (a durable reconnect moves it). */
    private volatile FileCommands commands;
    /** The lock-service client its share reservation, locks and oplock belong to (kept across a reconnect). */
    private volatile io.dittofs.gateway.locks.ClientRef client;
    /** Granted oplock (MS-SMB2 2.2.14 OplockLevel: 0 none, 1 level II, 8 exclusive, 9 batch) and its grant. */
    private int oplockLevel;
    private byte[] grantId;
    /** The level a break in progress goes to, -1 when none (Open.OplockState Breaking). */
    private int breakingTo = -1;
    /** Durable state (MS-SMB2 3.3.1.10 IsDurable, CreateGuid, DurableOpenTimeout); null guid for v1. */
    private boolean durable;
    private byte[] createGuid;
    private long durableTimeoutMs;
    /** The connection went and the open waits for a reconnect (Open.Connection NULL). */
    private boolean disconnected;
    /** Counted in {@link DurableOpens}' client uses (its lock-service client outlived its connection). */
    private boolean clientRetained;

    SmbOpen(FileId id, io.dittofs.gateway.identity.Principal principal, long sessionId, int treeId, Handle handle, boolean directory, int access, byte[] lockOpenId,
            SharedFiles.Entry entry, boolean writeThrough, Handle parent, String name, String path, OpenFile io) {
        this.id = id;
        this.principal = principal;
        this.sessionId = sessionId;
        this.treeId = treeId;
        this.handle = handle;
        this.directory = directory;
        this.access = access;
        this.lockOpenId = lockOpenId;
        this.entry = entry;
        this.writeThrough = writeThrough;
        this.parent = parent;
        this.name = name;
        this.path = path;
        this.io = io;
    }

    /** Makes this an open of the file's named stream {@code name} (CREATE, stream rename). */
    synchronized void stream(String name, boolean sharesDelete) {
        key = Streams.lockKey(handle, name);
        stream = name;
        streamSharesDelete = sharesDelete;
    }

    /** A stream renamed through this open (its lock-service key stays). */
    synchronized void streamRenamed(String name) {
        stream = name;
    }

    /** Whether this open was made of a named stream (it stays one for share modes and counts even if renamed to {@code ::$DATA}). */
    synchronized boolean streamOpen() {
        return key != null;
    }

    /** Whether this stream open shares delete (counted in {@link SharedFiles} while it lasts). */
    synchronized boolean streamSharesDelete() {
        return streamSharesDelete;
    }

    /** The named stream of this open, or null for the file (its unnamed data stream or a directory). */
    synchronized String stream() {
        return stream;
    }

    /**
     * The lock-service resource of this open's share modes and byte-range locks: the handle for
     * the file, a key per stream for a named stream ({@link Streams#lockKey}).
     */
    synchronized byte[] fileKey() {
        return key == null ? handle.bytes() : key;
    }

    public FileId id() {
        return id;
    }

    /** Who the open acts as (the tree's principal, after squash). */
    io.dittofs.gateway.identity.Principal principal() {
        return principal;
    }

    long sessionId() {
        return sessionId;
    }

    int treeId() {
        return treeId;
    }

    public Handle handle() {
        return handle;
    }

    public boolean directory() {
        return directory;
    }

    /** The granted access mask (generic rights expanded). */
    public int access() {
        return access;
    }

    boolean granted(int mask) {
        return (access & mask) != 0;
    }

    /** The lock-service open (share reservation), or null for an open without data access. */
    byte[] lockOpenId() {
        return lockOpenId;
    }

    /** The lock owner of this open's byte ranges: its FileId (MS-FSA: locks belong to the open). */
    byte[] owner() {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (id.persistent() >>> (8 * i));
            b[8 + i] = (byte) (id.volatile_() >>> (8 * i));
        }
        return b;
    }

    SharedFiles.Entry entry() {
        return entry;
    }

    boolean writeThrough() {
        return writeThrough;
    }

    synchronized Handle parent() {
        return parent;
    }

    synchronized String name() {
        return name;
    }

    synchronized String path() {
        return path;
    }

    synchronized void moved(Handle newParent, String newName, String newPath) {
        parent = newParent;
        name = newName;
        path = newPath;
    }

    synchronized OpenFile io() {
        return io;
    }

    synchronized void io(OpenFile f) {
        io = f;
        ioStale = false;
    }

    /** A write or size change through this open: the next read re-opens for fresh size and content id. */
    synchronized void stale() {
        ioStale = true;
    }

    synchronized boolean ioStale() {
        return ioStale;
    }

    synchronized boolean deleteOnClose() {
        return deleteOnClose;
    }

    synchronized boolean deleteChecked() {
        return deleteChecked;
    }

    synchronized void deleteChecked(boolean v) {
        deleteChecked = v;
    }

    synchronized void deleteOnClose(boolean v) {
        deleteOnClose = v;
    }

    synchronized long position() {
        return position;
    }

    synchronized void position(long p) {
        position = p;
    }

    synchronized int mode() {
        return mode;
    }

    synchronized void mode(int m) {
        mode = m;
    }

    synchronized DirectoryScan scan() {
        return scan;
    }

    synchronized void scan(DirectoryScan s) {
        scan = s;
    }

    synchronized void addLock(long offset, long length) {
        locks.add(new long[] {offset, length});
    }

    synchronized boolean removeLock(long offset, long length) {
        for (int i = locks.size() - 1; i >= 0; i--) {
            if (locks.get(i)[0] == offset && locks.get(i)[1] == length) {
                locks.remove(i);
                return true;
            }
        }
        return false;
    }

    /** A blocking lock of this open waits; {@code onClose} withdraws it when the open goes first. */
    synchronized void addPending(Runnable onClose) {
        pendingLocks.add(onClose);
    }

    synchronized void removePending(Runnable onClose) {
        pendingLocks.remove(onClose);
    }

    /** The directory watch CHANGE_NOTIFY set up on this open, or null. */
    synchronized NotifyWatch watch() {
        return watch;
    }

    synchronized void watch(NotifyWatch w) {
        watch = w;
    }

    synchronized List<Runnable> takePending() {
        List<Runnable> out = List.copyOf(pendingLocks);
        pendingLocks.clear();
        return out;
    }

    synchronized List<long[]> takeLocks() {
        List<long[]> out = List.copyOf(locks);
        locks.clear();
        return out;
    }

    /** Cached attributes of the file as last opened (for I/O bounds). */
    synchronized FileAttr ioAttr() {
        return io == null ? null : io.attr();
    }

    FileCommands commands() {
        return commands;
    }

    io.dittofs.gateway.locks.ClientRef client() {
        return client;
    }

    /** Where the open lives: its connection's commands, its lock-service client, session and tree. */
    void attach(FileCommands commands, io.dittofs.gateway.locks.ClientRef client, long sessionId, int treeId) {
        this.commands = commands;
        this.client = client;
        this.sessionId = sessionId;
        this.treeId = treeId;
    }

    synchronized int oplockLevel() {
        return oplockLevel;
    }

    synchronized byte[] grantId() {
        return grantId;
    }

    synchronized void oplock(int level, byte[] grant) {
        oplockLevel = level;
        grantId = grant;
        breakingTo = -1;
    }

    /** Starts a break to {@code level}; false when one is already in progress to that level or lower. */
    synchronized boolean breaking(int level) {
        if (breakingTo >= 0 && breakingTo <= level) {
            return false;
        }
        breakingTo = level;
        return true;
    }

    synchronized int breakingTo() {
        return breakingTo;
    }

    /** The break ended at {@code level} (acknowledged or timed out). */
    synchronized void broken(int level) {
        oplockLevel = level;
        breakingTo = -1;
    }

    /** Marks the open durable (Open.IsDurable): kept across a disconnect, LOCK checks sequences. */
    synchronized void durable(byte[] guid, long timeoutMs) {
        durable = true;
        createGuid = guid == null ? null : guid.clone();
        durableTimeoutMs = timeoutMs;
        if (lockSequences == null) {
            lockSequences = new LockSequences();
        }
    }

    synchronized boolean durable() {
        return durable;
    }

    synchronized byte[] createGuid() {
        return createGuid == null ? null : createGuid.clone();
    }

    synchronized long durableTimeoutMs() {
        return durableTimeoutMs;
    }

    synchronized boolean disconnected() {
        return disconnected;
    }

    synchronized void disconnected(boolean d) {
        disconnected = d;
    }

    synchronized boolean clientRetained() {
        return clientRetained;
    }

    synchronized void clientRetained(boolean r) {
        clientRetained = r;
    }

    /** Marks the open resilient (Open.IsResilient): its LOCK requests are checked for replays from now on. */
    synchronized void resilient(int timeoutMs) {
        resiliencyTimeoutMs = timeoutMs;
        if (lockSequences == null) {
            lockSequences = new LockSequences();
        }
    }

    synchronized boolean resilient() {
        return lockSequences != null;
    }

    synchronized int resiliencyTimeoutMs() {
        return resiliencyTimeoutMs;
    }

    /** The LockSequenceArray of a resilient open, or null (LOCK does not check sequences then). */
    synchronized LockSequences lockSequences() {
        return lockSequences;
    }
}
