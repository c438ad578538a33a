package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.ServiceCallException;
import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.RemoveKind;
import io.dittofs.gateway.fs.model.RootResult;
import io.dittofs.gateway.identity.Principal;
import io.dittofs.gateway.locks.ClientRef;
import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.locks.LockProtocol;
import io.dittofs.gateway.locks.LockServiceException;
import io.dittofs.gateway.locks.LockTarget;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbCommands;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.server.SmbSession;
import io.dittofs.gateway.smb.server.TreeConnect;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.Smb2Command;
import io.dittofs.gateway.smb.wire.WireException;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file commands of one connection on disk trees (one class per command in this package), its
 * open table and its lock-service client. Closing a tree, a session or the connection closes
 * their opens as CLOSE would (delete-on-close included).
 */
final class FileCommands implements SmbCommands {

    private static final Logger log = LoggerFactory.getLogger(FileCommands.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    final SmbFileService service;
    final FileSystem fs;
    final LockManager locks;
    final OpenTable opens;
    private final Map<Smb2Command, SmbCommandHandler> handlers = new EnumMap<>(Smb2Command.class);
    private final Map<String, Handle> roots = new ConcurrentHashMap<>();
    private volatile ClientRef client;
    private volatile java.util.function.Consumer<byte[]> push = frame -> { };

    FileCommands(SmbFileService service) {
        this.service = service;
        this.fs = service.fs;
        this.locks = service.locks;
        this.opens = new OpenTable(SmbFileService.MAX_OPENS, service.fileIds);
        handlers.put(Smb2Command.CREATE, new Create(this));
        handlers.put(Smb2Command.CLOSE, new Close(this));
        handlers.put(Smb2Command.READ, new Read(this));
        handlers.put(Smb2Command.WRITE, new Write(this));
        handlers.put(Smb2Command.FLUSH, new Flush(this));
        handlers.put(Smb2Command.QUERY_DIRECTORY, new QueryDirectory(this));
        handlers.put(Smb2Command.QUERY_INFO, new QueryInfo(this));
        handlers.put(Smb2Command.SET_INFO, new SetInfo(this));
        handlers.put(Smb2Command.LOCK, new Lock(this));
        handlers.put(Smb2Command.IOCTL, new FileFsctls(this));
        handlers.put(Smb2Command.CHANGE_NOTIFY, new ChangeNotify(this));
        handlers.put(Smb2Command.OPLOCK_BREAK, new OplockBreakAck(this));
    }

    @Override
    public void attach(java.util.function.Consumer<byte[]> push) {
        this.push = push;
    }

    /**
     * Sends an oplock break notification (MS-SMB2 2.2.23.1, 3.3.4.6): unsolicited, MessageId all
     * ones, no session or tree, not signed.
     */
    void push(io.dittofs.gateway.smb.wire.OplockBreak notification) {
        var w = new io.dittofs.gateway.smb.wire.SmbWriter(64 + 24);
        new io.dittofs.gateway.smb.wire.Smb2Header(0, NtStatus.SUCCESS, Smb2Command.OPLOCK_BREAK.code(), 0,
                io.dittofs.gateway.smb.wire.Smb2Header.FLAGS_SERVER_TO_REDIR, 0,
                io.dittofs.gateway.smb.wire.OplockBreak.UNSOLICITED_MESSAGE_ID, 0, 0, 0, 0, null).encode(w);
        notification.encode(w);
        push.accept(w.toByteArray());
    }

    @Override
    public SmbCommandHandler handler(Smb2Command command) {
        SmbCommandHandler h = handlers.get(command);
        return h == null ? null : req -> guarded(h, req);
    }

    /** A service that cannot be reached is a transient failure for the client, never a dropped connection. */
    private static SmbResult guarded(SmbCommandHandler h, SmbRequest req) throws WireException {
        try {
            return h.handle(req);
        } catch (ServiceCallException | LockServiceException e) {
            log.warn("{} failed: {}", req.header().knownCommand(), e.toString());
            return SmbResult.fail(NtStatus.INSUFFICIENT_RESOURCES);
        }
    }

    static Principal principal(SmbRequest req) {
        return req.tree().access().principal();
    }

    static boolean mayModify(SmbRequest req) {
        return req.tree().access().mayModify();
    }

    /** The share's root handle (cached per share name; share ids and roots do not change while it exists). */
    Handle root(SmbRequest req) {
        String share = req.tree().shareName();
        Handle h = roots.get(share);
        if (h != null) {
            return h;
        }
        RootResult r = fs.root(principal(req), share);
        if (!r.status().ok()) {
            return null;
        }
        roots.put(share, r.handle());
        return r.handle();
    }

    /** This connection's lock-service client (registered at first use), or null without a lock manager. */
    ClientRef client() {
        if (locks == null) {
            return null;
        }
        ClientRef c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    byte[] key = new byte[16];
                    RANDOM.nextBytes(key);
                    client = locks.registerClient(LockProtocol.SMB, key, 0);
                }
                c = client;
            }
        }
        return c;
    }

    /** The lock-service client an open's locks belong to (a reconnected durable open keeps the one it was made with). */
    ClientRef clientOf(SmbOpen o) {
        ClientRef c = o.client();
        return c != null ? c : client();
    }

    /**
     * Ends an open: its byte-range locks and share reservation go, and the last close of a
     * delete-pending file removes it. Returns the NTSTATUS of the removal (SUCCESS when none).
     */
    int release(SmbOpen o) {
        o.takePending().forEach(Runnable::run);
        service.files.dropZeroLocks(o.entry(), o.owner());
        // the open's own client: a durable open reconnected here still belongs to the one it was made with
        ClientRef c = o.client() != null ? o.client() : client;
        for (long[] l : o.takeLocks()) {
            if (c != null && l[1] != 0) {
                locks.unlock(new LockTarget(o.fileKey(), c, o.owner(), l[0], l[1]));
            }
        }
        if (o.lockOpenId() != null && locks != null) {
            locks.close(o.lockOpenId());
        }
        // the lock-service dropped the oplock with the open; a CREATE waiting for its break goes on
        service.oplocks.unregister(o);
        service.durables.ended(o);
        boolean pending = false;
        String stream = o.stream();
        int streamRemoved = NtStatus.SUCCESS;
        if (o.streamOpen()) {
            service.files.streamClosed(o.entry(), o.streamSharesDelete());
            if (stream != null && o.deleteOnClose()) {
                // delete-on-close of a stream removes the stream only (MS-FSA 2.1.5.4)
                FsStatus st = Streams.remove(fs, o.principal(), o.handle(), stream);
                if (!st.ok() && st != FsStatus.NOXATTR) {
                    log.debug("delete-on-close of {} failed: {}", o.path(), st);
                    streamRemoved = SmbStatus.of(st);
                }
            }
        } else if (o.deleteOnClose()) {
            service.files.deletePending(o.entry(), true);
        }
        pending = service.files.close(o.entry());
        if (!pending && streamRemoved != NtStatus.SUCCESS) {
            return streamRemoved;
        }
        if (!pending) {
            if (o.directory() && service.notifications != null && service.files.deletePending(o.entry())) {
                // the directory stays while other opens remain; their watches hear that it is going
                service.notifications.deletePending(o.handle());
            }
            return NtStatus.SUCCESS;
        }
        var r = fs.remove(o.principal(), o.parent(), o.name(), RemoveKind.ANY);
        if (r.status() == io.dittofs.gateway.fs.model.FsStatus.ACCESS && o.deleteChecked()) {
            // Windows checks DELETE once, when the file is opened (MS-FSA 2.1.5.1.2.1): an open that
            // got it through the ACL, or created the file, deletes it whatever the ACL now says of
            // the caller (a DACL without DELETE inherited by a file its creator opened with DELETE)
            Principal self = o.principal();
            Principal root = new Principal(0, 0, java.util.List.of(), false, self.clientAddress());
            if (stillNames(root, o)) {
                r = fs.remove(root, o.parent(), o.name(), RemoveKind.ANY);
            }
        }
        if (!r.status().ok()) {
            log.debug("delete-on-close of {} failed: {}", o.path(), r.status());
            return SmbStatus.of(r.status());
        }
        return NtStatus.SUCCESS;
    }

    /**
     * Whether the open's name still leads to the open's file: the retry with root rights must
     * not remove a file that replaced it under that name since the open (another user's file).
     */
    private boolean stillNames(Principal root, SmbOpen o) {
        var found = fs.lookup(root, o.parent(), o.name());
        if (found.status().ok() && found.handle().equals(o.handle())) {
            return true;
        }
        log.debug("delete-on-close of {}: the name now leads to another file ({}); not removed", o.path(),
                found.status());
        return false;
    }

    /** Fresh attributes of an open's file, or null when it is gone. */
    FileAttr attr(SmbOpen o) {
        var a = fs.getAttr(o.principal(), o.handle());
        return a.status().ok() ? a.attr() : null;
    }

    private void closeAll(java.util.function.Predicate<SmbOpen> which) {
        for (SmbOpen o : opens.removeAll(which)) {
            try {
                release(o);
            } catch (RuntimeException e) {
                log.warn("closing {} on teardown failed: {}", o.path(), e.toString());
            }
        }
    }

    @Override
    public void treeClosed(SmbSession session, TreeConnect tree) {
        closeAll(o -> o.sessionId() == session.id() && o.treeId() == tree.id());
    }

    @Override
    public void sessionClosed(SmbSession session) {
        closeAll(o -> o.sessionId() == session.id());
    }

    /** The connection went: a durable open is kept for a reconnect (MS-SMB2 3.3.7.1), the others close. */
    @Override
    public void sessionLost(SmbSession session) {
        for (SmbOpen o : opens.all()) {
            if (o.sessionId() != session.id()) {
                continue;
            }
            // an open whose oplock break is outstanding cannot be kept: nobody will acknowledge it
            if (o.durable() && o.breakingTo() < 0 && opens.remove(o)) {
                o.takePending().forEach(Runnable::run);
                service.durables.disconnected(o);
            }
        }
        sessionClosed(session);
    }

    @Override
    public void connectionClosed() {
        closeAll(o -> true);
        ClientRef c = client;
        if (c != null && service.durables.connectionClosed(c)) {
            locks.releaseClient(c);
        }
    }
}
