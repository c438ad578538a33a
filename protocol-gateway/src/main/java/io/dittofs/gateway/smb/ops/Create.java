package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.AccessBits;
import io.dittofs.gateway.fs.model.Acl;
import io.dittofs.gateway.fs.model.AccessMode;
import io.dittofs.gateway.fs.model.AttrResult;
import io.dittofs.gateway.fs.model.CreateMode;
import io.dittofs.gateway.fs.model.CreateResult;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.fs.model.OpenResult;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.identity.Principal;
import io.dittofs.gateway.locks.ClientRef;
import io.dittofs.gateway.locks.OpenOutcome;
import io.dittofs.gateway.locks.OpenSpec;
import io.dittofs.gateway.smb.SmbStatus;
import io.dittofs.gateway.smb.ops.info.SecurityDescriptorSet;
import io.dittofs.gateway.smb.ops.info.SecurityDescriptors;
import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.CreateContext;
import io.dittofs.gateway.smb.wire.CreateRequest;
import io.dittofs.gateway.smb.wire.CreateResponse;
import io.dittofs.gateway.smb.wire.FileBasics;
import io.dittofs.gateway.smb.wire.FileId;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WireException;
import io.dittofs.gateway.smb.wire.DurableContexts;
import io.dittofs.gateway.smb.wire.Smb2Header;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * CREATE (MS-SMB2 3.3.5.9): validates the request, walks the path, applies the disposition,
 * checks access against the namespace and the tree, takes the share reservation in the
 * lock-service (SHARING_VIOLATION on conflict, with NFS opens too), opens the file for I/O and
 * answers the MxAc and QFid contexts; other contexts are ignored.
 */
final class Create implements SmbCommandHandler {

    private static final int FILE_MODE = 0644;
    private static final int READONLY_MODE = 0444;
    private static final int DIR_MODE = 0755;
    private static final long CLUSTER = 4096;
    /** Reported allocation is capped (the file is sparse; nothing is reserved): 2^62. */
    private static final long MAX_ALLOCATION = 1L << 62;
    private static final int VALID_ATTRIBUTES = 0x7FB7;
    /** FILE_CREATE_TREE_CONNECTION, FILE_OPEN_BY_FILE_ID, FILE_RESERVE_OPFILTER (MS-SMB2 3.3.5.9: NOT_SUPPORTED). */
    private static final int UNSUPPORTED_OPTIONS = 0x80 | 0x2000 | 0x00100000;
    /** Option bits no version of the protocol defines. */
    private static final int INVALID_OPTIONS = 0xFF000000;

    private final FileCommands files;

    Create(FileCommands files) {
        this.files = files;
    }

    /** What an attempt answers when an oplock of another open is being broken: the CREATE waits and retries. */
    private static final SmbResult BREAKING = new SmbResult.Failed(NtStatus.PENDING);
    /** How often a waiting CREATE retries when no break ended on this gateway (a break elsewhere, an NFS recall). */
    private static final long RETRY_MS = 100;

    @Override
    public SmbResult handle(SmbRequest req) throws WireException {
        SmbResult first = handle(req, true);
        if (first != BREAKING) {
            return first;
        }
        // MS-SMB2 3.3.5.9 / 3.3.4.6: the open waits for the break; STATUS_PENDING now, the answer later
        CompletableFuture<SmbResult> done = new CompletableFuture<>();
        long giveUp = System.nanoTime() + files.service.breakTimeout().toNanos() + TimeUnit.SECONDS.toNanos(5);
        Thread.ofVirtual().name("smb-create-break-wait").start(() -> waitForBreak(req, done, giveUp));
        return new SmbResult.Pending(done, () -> done.complete(SmbResult.fail(NtStatus.CANCELLED)));
    }

    private void waitForBreak(SmbRequest req, CompletableFuture<SmbResult> done, long giveUp) {
        try {
            while (!done.isDone()) {
                files.service.oplocks.await(RETRY_MS);
                SmbResult again = handle(req, true);
                if (again instanceof SmbResult.Failed f && f.status() == NtStatus.FILE_CLOSED
                        && System.nanoTime() - giveUp < 0) {
                    // the holder's close removed the file (delete-on-close) while this attempt looked
                    // at it: the next attempt finds the name free
                    continue;
                }
                if (again != BREAKING) {
                    if (!done.complete(again) && again instanceof SmbResult.Done d && d.opened() != null) {
                        // cancelled meanwhile: the open made for nobody is closed again
                        SmbOpen o = files.opens.find(req, d.opened());
                        if (o != null && files.opens.remove(o)) {
                            files.release(o);
                        }
                    }
                    return;
                }
                if (System.nanoTime() - giveUp > 0) {
                    done.complete(SmbResult.fail(NtStatus.SHARING_VIOLATION));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.complete(SmbResult.fail(NtStatus.CANCELLED));
        } catch (WireException | RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private SmbResult handle(SmbRequest req, boolean mayRetry) throws WireException {
        CreateRequest c = CreateRequest.decode(req.body());
        Durable durable = Durable.of(c);
        if (durable.invalid()) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        if (durable.reconnect() != null) {
            // a reconnect names the open; the rest of the request is not looked at (clients send zeros)
            return reconnect(req, durable);
        }
        int invalid = validate(c);
        if (invalid != NtStatus.SUCCESS) {
            return SmbResult.fail(invalid);
        }
        if (durable.v2() != null) {
            SmbOpen same = files.service.durables.byGuid(durable.v2().createGuid());
            if (same != null) {
                // a replayed DH2Q finds the open it made (MS-SMB2 3.3.5.9.10); without the replay flag
                // the CreateGuid is taken
                boolean replay = (req.header().flags() & Smb2Header.FLAGS_REPLAY_OPERATION) != 0;
                if (!replay || !files.opens.live(same) || same.sessionId() != req.session().id()) {
                    return SmbResult.fail(NtStatus.DUPLICATE_OBJECTID);
                }
                return reopened(same, durable);
            }
        }
        if (c.has(CreateContext.TIMEWARP)) {
            // no snapshots: MS-SMB2 3.3.5.9.7 answers a snapshot that cannot be found so
            return SmbResult.fail(NtStatus.OBJECT_NAME_NOT_FOUND);
        }
        long allocation = allocation(c);
        if (allocation < 0) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        if (files.opens.full()) {
            return SmbResult.fail(NtStatus.INSUFFICIENT_RESOURCES);
        }
        StreamName sn = StreamName.parse(c.name());
        if (sn.status() != NtStatus.SUCCESS) {
            return SmbResult.fail(sn.status());
        }
        String name = sn.path();
        int syntax = Paths.syntax(name);
        if (syntax != NtStatus.SUCCESS) {
            return SmbResult.fail(syntax);
        }
        boolean named = sn.named();
        boolean wantDir = (c.options() & CreateRequest.DIRECTORY_FILE) != 0;
        boolean wantFile = (c.options() & CreateRequest.NON_DIRECTORY_FILE) != 0;
        if (wantDir && (named || sn.explicitData())) {
            // a data stream is never a directory (MS-FSA 2.1.5.1)
            return SmbResult.fail(NtStatus.NOT_A_DIRECTORY);
        }
        Principal who = FileCommands.principal(req);
        Handle root = files.root(req);
        if (root == null) {
            return SmbResult.fail(NtStatus.NETWORK_NAME_DELETED);
        }
        AttrResult rootAttr = files.fs.getAttr(who, root);
        if (!rootAttr.status().ok()) {
            return SmbResult.fail(SmbStatus.of(rootAttr.status()));
        }
        Paths.Resolved r = Paths.resolve(files.fs, who, root, rootAttr.attr(), name);
        if (r.status() != NtStatus.SUCCESS) {
            return SmbResult.fail(r.status());
        }
        int desired = AccessMask.expand(c.desiredAccess());
        boolean mayModify = FileCommands.mayModify(req);
        Handle handle;
        FileAttr attr;
        int action;
        int granted;
        boolean deleteChecked = true; // a file this open creates: its creator may delete it
        // the named stream as stored (null while it does not exist yet) and whether it must be created
        Streams.Found stream = null;
        if (r.exists()) {
            attr = r.attr();
            handle = r.handle();
            boolean isDir = attr.type() == FileType.DIRECTORY;
            if (named) {
                stream = Streams.find(files.fs, who, handle, sn.stream());
                if (!stream.exists() && stream.status() != FsStatus.NOXATTR) {
                    return SmbResult.fail(SmbStatus.of(stream.status()));
                }
            }
            boolean exists = !named || stream.exists();
            if (!exists && (c.disposition() == CreateRequest.OPEN || c.disposition() == CreateRequest.OVERWRITE)) {
                return SmbResult.fail(NtStatus.OBJECT_NAME_NOT_FOUND);
            }
            if (exists && c.disposition() == CreateRequest.CREATE) {
                return SmbResult.fail(NtStatus.OBJECT_NAME_COLLISION);
            }
            if (isDir && sn.explicitData()) {
                // a directory has no unnamed data stream
                return SmbResult.fail(NtStatus.FILE_IS_A_DIRECTORY);
            }
            if (isDir && wantFile && !named) {
                return SmbResult.fail(NtStatus.FILE_IS_A_DIRECTORY);
            }
            if (!isDir && wantDir) {
                return SmbResult.fail(NtStatus.NOT_A_DIRECTORY);
            }
            if (isDir && !named && overwrites(c.disposition())) {
                return SmbResult.fail(NtStatus.INVALID_PARAMETER);
            }
            if (files.service.files.deletePending(handle)) {
                return SmbResult.fail(NtStatus.DELETE_PENDING);
            }
            int maximal = maximal(who, handle, attr, mayModify);
            // asked only when DELETE may be granted: it costs a namespace call or three
            Boolean deleteOk = (desired & (AccessMask.DELETE | AccessMask.MAXIMUM_ALLOWED)) != 0
                    ? deleteAllowed(who, r, attr) : null;
            if (deleteOk == Boolean.FALSE) {
                // the file's ACL denies DELETE and the directory's DELETE_CHILD (MS-FSA 2.1.5.1.2.1)
                if ((desired & AccessMask.DELETE) != 0) {
                    return SmbResult.fail(NtStatus.ACCESS_DENIED);
                }
                maximal &= ~AccessMask.DELETE;
            }
            deleteChecked = deleteOk == Boolean.TRUE;
            granted = (desired & AccessMask.MAXIMUM_ALLOWED) != 0 ? maximal | (desired & ~AccessMask.MAXIMUM_ALLOWED)
                    : desired;
            granted &= ~AccessMask.MAXIMUM_ALLOWED;
            if ((granted & ~maximal & (AccessMask.READ_DATA | AccessMask.EXECUTE | AccessMask.MODIFYING)) != 0
                    || (overwrites(c.disposition()) && (maximal & AccessMask.WRITE_DATA) == 0)
                    || (!exists && (maximal & AccessMask.WRITE_DATA) == 0)) {
                return SmbResult.fail(NtStatus.ACCESS_DENIED);
            }
            if ((c.options() & CreateRequest.DELETE_ON_CLOSE) != 0 && ExtraAttributes.readOnly(attr) && !isDir) {
                return SmbResult.fail(NtStatus.CANNOT_DELETE);
            }
            action = !exists ? CreateResponse.CREATED : switch (c.disposition()) {
                case CreateRequest.SUPERSEDE -> CreateResponse.SUPERSEDED;
                case CreateRequest.OVERWRITE, CreateRequest.OVERWRITE_IF -> CreateResponse.OVERWRITTEN;
                default -> CreateResponse.OPENED;
            };
            if (r.parent() == null && !named && (c.options() & CreateRequest.DELETE_ON_CLOSE) != 0) {
                return SmbResult.fail(NtStatus.CANNOT_DELETE);
            }
        } else {
            if (c.disposition() == CreateRequest.OPEN || c.disposition() == CreateRequest.OVERWRITE) {
                return SmbResult.fail(NtStatus.OBJECT_NAME_NOT_FOUND);
            }
            if (!mayModify) {
                return SmbResult.fail(NtStatus.ACCESS_DENIED);
            }
            boolean readOnly = (c.fileAttributes() & FileBasics.ATTR_READONLY) != 0;
            if (readOnly && (c.options() & CreateRequest.DELETE_ON_CLOSE) != 0) {
                return SmbResult.fail(NtStatus.CANNOT_DELETE);
            }
            // a new file is ARCHIVE unless the client says otherwise (HIDDEN, SYSTEM... kept too), stored
            // with the file in the same namespace call; a stream of a missing file creates the file first
            int dos = ExtraAttributes.stored(null, wantDir ? c.fileAttributes() : c.fileAttributes() | FileBasics.ATTR_ARCHIVE);
            // SecD: owner, group and DACL of the new file, set with it in the same namespace call; a
            // descriptor without SE_DACL_PRESENT leaves the DACL to inheritance / the mode
            Integer uid = null;
            Integer gid = null;
            Acl acl = null;
            CreateContext secD = c.context(CreateContext.SECURITY_DESCRIPTOR);
            if (secD != null) {
                SecurityDescriptorSet sd = SecurityDescriptorSet.decode(secD.data(),
                        SecurityDescriptors.OWNER | SecurityDescriptors.GROUP | SecurityDescriptors.DACL);
                uid = sd.uid() != null && sd.uid() != who.uid() ? sd.uid() : null;
                gid = sd.gid() != null && sd.gid() != who.gid() ? sd.gid() : null;
                acl = sd.daclPresent() ? sd.dacl() : null;
            }
            int newMode = wantDir ? DIR_MODE : readOnly ? READONLY_MODE : FILE_MODE;
            SetAttrs attrs = new SetAttrs(newMode, uid, gid, null, null, null, null, dos, acl);
            CreateSpec spec = wantDir ? CreateSpec.directory(attrs)
                    : CreateSpec.regular(CreateMode.GUARDED, attrs, new byte[0]);
            CreateResult cr = files.fs.create(who, r.parent(), r.name(), spec);
            if (cr.status() == FsStatus.EXIST) {
                if (mayRetry && c.disposition() != CreateRequest.CREATE) {
                    // another client created the name between our lookup and create: OPEN_IF and
                    // friends open what it created (once; a second race is a collision)
                    return handle(req, false);
                }
                return SmbResult.fail(NtStatus.OBJECT_NAME_COLLISION);
            }
            if (!cr.status().ok()) {
                return SmbResult.fail(SmbStatus.of(cr.status()));
            }
            handle = cr.handle();
            attr = cr.attr();
            action = CreateResponse.CREATED;
            // the creator gets what it asked for (Windows: the new file's default DACL grants it)
            int all = AccessMask.fromNeutral(AccessBits.READ | AccessBits.MODIFY | AccessBits.EXTEND
                    | AccessBits.EXECUTE | AccessBits.DELETE, wantDir, true, true);
            granted = (desired & AccessMask.MAXIMUM_ALLOWED) != 0 ? all | desired : desired;
            granted &= ~AccessMask.MAXIMUM_ALLOWED;
        }
        String streamName = null;
        if (named) {
            if (stream == null || !stream.exists()) {
                if (!mayModify) {
                    return SmbResult.fail(NtStatus.ACCESS_DENIED);
                }
                FsStatus st = Streams.set(files.fs, who, handle, sn.stream(), new byte[0],
                        io.dittofs.gateway.fs.model.XattrResult.SetMode.CREATE);
                if (st == FsStatus.XATTR_EXISTS) {
                    return SmbResult.fail(NtStatus.OBJECT_NAME_COLLISION);
                }
                if (!st.ok()) {
                    return SmbResult.fail(SmbStatus.of(st));
                }
                streamName = sn.stream();
            } else {
                streamName = stream.name();
            }
        }
        boolean isDir = attr.type() == FileType.DIRECTORY && !named;
        boolean sharesDelete = (AccessMask.shareDeny(c.shareAccess()) & OpenSpec.DELETE) == 0;
        SharedFiles.Entry entry = named ? files.service.files.openStream(handle, sharesDelete)
                : files.service.files.open(handle);
        if (entry == null) {
            return SmbResult.fail(NtStatus.DELETE_PENDING);
        }
        if (!named && (granted & AccessMask.DELETE) != 0 && files.service.files.streamDeniesDelete(entry)) {
            // an open stream that does not share delete keeps the file from being opened for delete
            files.service.files.close(entry);
            return SmbResult.fail(NtStatus.SHARING_VIOLATION);
        }
        byte[] lockOpen = null;
        int oplockLevel = Oplocks.NONE;
        byte[] grantId = null;
        ClientRef client = files.client();
        int shareBits = AccessMask.shareAccess(granted);
        FileId id = files.opens.newId();
        boolean ok = false;
        try {
            if (client != null && shareBits != 0) {
                byte[] key = named ? Streams.lockKey(handle, streamName) : handle.bytes();
                // a directory gets no oplock; leases (level 0xFF) are not granted
                int wanted = isDir ? 0 : Oplocks.bits(c.oplockLevel());
                OpenOutcome o = files.locks.openWithGrant(new OpenSpec(key, client, ownerOf(id), shareBits,
                        AccessMask.shareDeny(c.shareAccess()), false), wanted, true);
                if (o.status() == io.dittofs.gateway.locks.LockStatus.BREAK_PENDING) {
                    return BREAKING;
                }
                if (!o.status().ok()) {
                    return SmbResult.fail(SmbStatus.ofLock(o.status()));
                }
                lockOpen = o.openId();
                if (!named && files.service.files.deletePending(handle)) {
                    // a delete-on-close holder went while this attempt waited (its break closed it):
                    // once this attempt lets go the file is removed, and the next attempt sees that
                    return BREAKING;
                }
                if (o.grantId().length > 0) {
                    oplockLevel = Oplocks.level(o.grantBits());
                    grantId = o.grantId();
                    if (o.grantBits() != Oplocks.bits(oplockLevel)) {
                        // READ|HANDLE is no oplock level: keep level II's READ
                        files.locks.ackBreak(grantId, Oplocks.bits(oplockLevel));
                    }
                }
            }
            if (named && (action == CreateResponse.OVERWRITTEN || action == CreateResponse.SUPERSEDED)) {
                FsStatus st = Streams.resize(files.fs, who, handle, streamName, 0);
                if (!st.ok()) {
                    return SmbResult.fail(SmbStatus.of(st));
                }
            } else if (action == CreateResponse.OVERWRITTEN || action == CreateResponse.SUPERSEDED) {
                // overwriting or superseding the file drops its named streams (MS-FSA 2.1.5.1.2.1)
                FsStatus gone = Streams.removeAll(files.fs, who, handle);
                if (!gone.ok()) {
                    return SmbResult.fail(SmbStatus.of(gone));
                }
                var s = files.fs.setAttr(who, handle, new SetAttrs(null, null, null, 0L, null, null), null);
                if (!s.status().ok()) {
                    return SmbResult.fail(SmbStatus.of(s.status()));
                }
                if (s.wcc().after() != null) {
                    attr = s.wcc().after();
                }
            }
            if (action == CreateResponse.OVERWRITTEN || action == CreateResponse.SUPERSEDED) {
                // the data went: level II oplocks of other opens break to none
                files.service.oplocks.dataChanged(named ? Streams.lockKey(handle, streamName) : handle.bytes(), null);
            }
            OpenFile io = null;
            if (attr.type() == FileType.REGULAR) {
                AccessMode mode = mode(granted);
                OpenResult or = files.fs.open(who, handle, mode);
                if (!or.status().ok() && r.exists()) {
                    return SmbResult.fail(SmbStatus.of(or.status()));
                }
                io = or.status().ok() ? or.file() : files.fs.open(who, handle, AccessMode.NONE).file();
                if (or.attr() != null) {
                    attr = or.attr();
                }
            }
            String path = String.join("\\", Paths.split(name));
            if (named) {
                path = path + ":" + streamName;
            }
            SmbOpen open = new SmbOpen(id, who, req.session().id(), req.tree().id(), handle, isDir, granted, lockOpen,
                    entry, (c.options() & CreateRequest.WRITE_THROUGH) != 0, r.parent(), r.name(), path, io);
            if (named) {
                open.stream(streamName, sharesDelete);
            }
            open.deleteOnClose((c.options() & CreateRequest.DELETE_ON_CLOSE) != 0);
            open.deleteChecked(deleteChecked && (granted & AccessMask.DELETE) != 0);
            open.attach(files, client, req.session().id(), req.tree().id());
            open.oplock(oplockLevel, grantId);
            List<CreateContext> answers = new ArrayList<>();
            // durable handles need a batch oplock here (no leases): MS-SMB2 3.3.5.9.6, 3.3.5.9.10
            if (oplockLevel == Oplocks.BATCH && durable.v2() != null) {
                long timeout = durable.v2().timeoutMs() == 0 ? DurableOpens.DEFAULT_TIMEOUT_MS
                        : Math.min(durable.v2().timeoutMs(), DurableOpens.MAX_TIMEOUT_MS);
                open.durable(durable.v2().createGuid(), timeout);
                answers.add(DurableContexts.v2Response(timeout, 0));
            } else if (oplockLevel == Oplocks.BATCH && durable.v1()) {
                open.durable(null, DurableOpens.DEFAULT_TIMEOUT_MS);
                answers.add(DurableContexts.v1Response());
            }
            files.opens.add(open);
            files.service.oplocks.register(open);
            files.service.durables.guid(open);
            ok = true;
            if (c.has(CreateContext.MAXIMAL_ACCESS)) {
                int maximal = r.exists() ? maximal(who, handle, attr, mayModify) : granted | AccessMask.FILE_ALL;
                answers.add(new CreateContext(CreateContext.MAXIMAL_ACCESS, intPair(0, maximal)));
            }
            if (c.has(CreateContext.QUERY_ON_DISK_ID)) {
                answers.add(new CreateContext(CreateContext.QUERY_ON_DISK_ID, diskId(attr)));
            }
            if (allocation > 0 && action != CreateResponse.OPENED && !isDir) {
                // AllocationSize of a new or overwritten file: space is not reserved ahead, but the
                // file reports the allocation asked for (cluster-rounded) while it is open, as Windows
                // and Samba report what they reserved
                entry.allocation((allocation + CLUSTER - 1) / CLUSTER * CLUSTER);
            }
            FileBasics shown = withAllocation(files.service.times.basics(attr), entry.allocation());
            if (named) {
                // opened as it was, or new / emptied by the disposition
                boolean kept = action == CreateResponse.OPENED && stream != null && stream.exists();
                shown = Streams.basics(shown, kept ? stream.value().length : 0);
            }
            CreateResponse resp = new CreateResponse(oplockLevel, action, shown, id, answers);
            return SmbResult.opened(resp::encode, id);
        } finally {
            if (!ok) {
                if (lockOpen != null) {
                    files.locks.close(lockOpen);
                }
                if (named) {
                    files.service.files.streamClosed(entry, sharesDelete);
                }
                if (files.service.files.close(entry) && !named && r.parent() != null) {
                    // the last close of a file whose delete-on-close open ended while this attempt
                    // held it (a CREATE waiting for an oplock break retries): the delete is done here
                    var gone = files.fs.remove(who, r.parent(), r.name(), io.dittofs.gateway.fs.model.RemoveKind.ANY);
                    if (!gone.status().ok()) {
                        org.slf4j.LoggerFactory.getLogger(Create.class).debug("delete-on-close of {} failed: {}",
                                name, gone.status());
                    }
                }
            }
        }
    }

    /** The durable-handle contexts of a CREATE (MS-SMB2 3.3.5.9.6, .7, .10, .12), checked for combinations that refuse. */
    private record Durable(boolean v1, DurableContexts.V2Request v2, Object reconnect, boolean invalid) {

        static Durable of(CreateRequest c) throws WireException {
            CreateContext q1 = c.context(DurableContexts.V1_REQUEST);
            CreateContext c1 = c.context(DurableContexts.V1_RECONNECT);
            CreateContext q2 = c.context(DurableContexts.V2_REQUEST);
            CreateContext c2 = c.context(DurableContexts.V2_RECONNECT);
            if ((c2 != null && (q1 != null || c1 != null || q2 != null)) || (q2 != null && (q1 != null || c1 != null))) {
                return new Durable(false, null, null, true);
            }
            if (c2 != null) {
                return new Durable(false, null, DurableContexts.v2Reconnect(c2.data()), false);
            }
            if (c1 != null) {
                // a DHnQ beside a DHnC is ignored (MS-SMB2 3.3.5.9.6)
                return new Durable(false, null, DurableContexts.v1Reconnect(c1.data()), false);
            }
            if (q2 != null) {
                return new Durable(false, DurableContexts.v2Request(q2.data()), null, false);
            }
            if (q1 != null) {
                DurableContexts.v1Request(q1.data());
            }
            return new Durable(q1 != null, null, null, false);
        }
    }

    /**
     * DHnC / DH2C (MS-SMB2 3.3.5.9.7, 3.3.5.9.12): a disconnected durable open of the same user
     * (and, for v2, the same CreateGuid) moves to this session and tree with its FileId, share
     * reservation, locks and oplock; anything else is OBJECT_NAME_NOT_FOUND.
     */
    private SmbResult reconnect(SmbRequest req, Durable d) {
        FileId id;
        byte[] guid = null;
        if (d.reconnect() instanceof DurableContexts.V2Reconnect v2) {
            id = v2.fileId();
            guid = v2.createGuid();
        } else {
            id = (FileId) d.reconnect();
        }
        SmbOpen o;
        try {
            o = files.service.durables.kept(id.persistent());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SmbResult.fail(NtStatus.CANCELLED);
        }
        // a v1 reconnect may reclaim a v2 open (Windows does); a v2 reconnect needs its CreateGuid
        if (o == null || !o.id().equals(id) || (guid != null && !java.util.Arrays.equals(guid, o.createGuid()))) {
            return SmbResult.fail(NtStatus.OBJECT_NAME_NOT_FOUND);
        }
        Principal who = FileCommands.principal(req);
        if (o.principal().uid() != who.uid()) {
            return SmbResult.fail(NtStatus.ACCESS_DENIED);
        }
        if (!files.service.durables.take(o)) {
            return SmbResult.fail(NtStatus.OBJECT_NAME_NOT_FOUND);
        }
        o.attach(files, o.client(), req.session().id(), req.tree().id());
        files.opens.add(o);
        return reopened(o, d);
    }

    /** The CREATE response of an existing open (a reconnect, or a replayed DH2Q). */
    private SmbResult reopened(SmbOpen o, Durable d) {
        FileAttr attr = files.attr(o);
        if (attr == null) {
            return SmbResult.fail(NtStatus.OBJECT_NAME_NOT_FOUND);
        }
        List<CreateContext> answers = new ArrayList<>();
        if (d.v2() != null) {
            // a replayed DH2Q is answered as the first time; a reconnect carries no durable response
            answers.add(DurableContexts.v2Response(o.durableTimeoutMs(), 0));
        }
        FileBasics shown = withAllocation(files.service.times.basics(attr), o.entry().allocation());
        CreateResponse resp = new CreateResponse(o.oplockLevel(), CreateResponse.OPENED, shown, o.id(), answers);
        return SmbResult.opened(resp::encode, o.id());
    }

    /** {@code b} reporting at least {@code allocation} bytes allocated. */
    static FileBasics withAllocation(FileBasics b, long allocation) {
        if (allocation <= b.allocationSize()) {
            return b;
        }
        return new FileBasics(b.creationTime(), b.lastAccessTime(), b.lastWriteTime(), b.changeTime(), allocation,
                b.endOfFile(), b.attributes(), b.fileId(), b.links());
    }

    /** The AlSi context's 64-bit allocation size, 0 without one, -1 when malformed. */
    private static long allocation(CreateRequest c) {
        CreateContext alSi = c.context(CreateContext.ALLOCATION_SIZE);
        if (alSi == null) {
            return 0;
        }
        byte[] d = alSi.data();
        if (d.length != 8) {
            return -1;
        }
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (d[i] & 0xff);
        }
        return v < 0 ? -1 : Math.min(v, MAX_ALLOCATION);
    }

    static byte[] ownerOf(FileId id) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (id.persistent() >>> (8 * i));
            b[8 + i] = (byte) (id.volatile_() >>> (8 * i));
        }
        return b;
    }

    private static boolean overwrites(int disposition) {
        return disposition == CreateRequest.SUPERSEDE || disposition == CreateRequest.OVERWRITE
                || disposition == CreateRequest.OVERWRITE_IF;
    }

    private static AccessMode mode(int granted) {
        boolean r = (granted & (AccessMask.READ_DATA | AccessMask.EXECUTE)) != 0;
        boolean w = (granted & (AccessMask.WRITE_DATA | AccessMask.APPEND_DATA)) != 0;
        return r && w ? AccessMode.READ_WRITE : r ? AccessMode.READ : w ? AccessMode.WRITE : AccessMode.NONE;
    }

    /**
     * Whether the caller may delete an existing object, when an explicit ACL (on it or its
     * directory) decides: DELETE_CHILD on the directory or DELETE on the object (RFC 8881
     * §6.2.1.3.2, as the namespace answers ACCESS_DELETE). null with mode bits only: then the
     * directory's permissions decide when the file is removed.
     */
    private Boolean deleteAllowed(Principal who, Paths.Resolved r, FileAttr attr) {
        if (r.parent() == null) {
            return null;
        }
        AttrResult dir = files.fs.getAttr(who, r.parent());
        boolean dirAcl = dir.status().ok() && dir.attr().hasAcl();
        if (!attr.hasAcl() && !dirAcl) {
            return null;
        }
        if ((files.fs.access(who, r.parent(), AccessBits.DELETE).granted() & AccessBits.DELETE) != 0) {
            return true;
        }
        return attr.type() != FileType.DIRECTORY
                && (files.fs.access(who, r.handle(), AccessBits.DELETE).granted() & AccessBits.DELETE) != 0;
    }

    private int maximal(Principal who, Handle h, FileAttr attr, boolean mayModify) {
        var a = files.fs.access(who, h, AccessBits.READ | AccessBits.MODIFY | AccessBits.EXTEND | AccessBits.EXECUTE
                | AccessBits.LOOKUP | AccessBits.DELETE);
        int bits = a.status().ok() ? a.granted() : 0;
        boolean owner = who.uid() == attr.uid() || who.uid() == 0;
        return AccessMask.fromNeutral(bits, attr.type() == FileType.DIRECTORY, mayModify, owner);
    }

    private static int validate(CreateRequest c) {
        if (c.impersonationLevel() < 0 || c.impersonationLevel() > 3) {
            return NtStatus.BAD_IMPERSONATION_LEVEL;
        }
        if (c.disposition() < 0 || c.disposition() > CreateRequest.OVERWRITE_IF) {
            return NtStatus.INVALID_PARAMETER;
        }
        int o = c.options();
        if ((o & CreateRequest.DIRECTORY_FILE) != 0 && (o & CreateRequest.NON_DIRECTORY_FILE) != 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        if ((o & INVALID_OPTIONS) != 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        if ((o & UNSUPPORTED_OPTIONS) != 0) {
            return NtStatus.NOT_SUPPORTED;
        }
        if ((o & CreateRequest.DIRECTORY_FILE) != 0 && overwrites(c.disposition())) {
            return NtStatus.INVALID_PARAMETER;
        }
        int access = c.desiredAccess();
        if ((access & AccessMask.INVALID) != 0 || access == 0) {
            return NtStatus.ACCESS_DENIED;
        }
        if ((access & AccessMask.SYSTEM_SECURITY) != 0) {
            // the SACL needs SeSecurityPrivilege, which no SMB user of this server holds
            return NtStatus.PRIVILEGE_NOT_HELD;
        }
        if ((o & CreateRequest.DELETE_ON_CLOSE) != 0
                && (AccessMask.expand(access) & (AccessMask.DELETE | AccessMask.MAXIMUM_ALLOWED)) == 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        if ((c.fileAttributes() & ~VALID_ATTRIBUTES) != 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        int oplock = c.oplockLevel();
        if (oplock != 0 && oplock != 1 && oplock != 8 && oplock != 9 && oplock != 0xFF) {
            return NtStatus.INVALID_PARAMETER;
        }
        return NtStatus.SUCCESS;
    }

    private static byte[] intPair(int a, int b) {
        return new byte[] {(byte) a, (byte) (a >>> 8), (byte) (a >>> 16), (byte) (a >>> 24),
            (byte) b, (byte) (b >>> 8), (byte) (b >>> 16), (byte) (b >>> 24)};
    }

    /** QFid: the 64-bit file id then the volume (fsid), 32 bytes (MS-SMB2 2.2.14.2.9). */
    private static byte[] diskId(FileAttr a) {
        byte[] b = new byte[32];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (a.fileid() >>> (8 * i));
            b[16 + i] = (byte) (a.fsid() >>> (8 * i));
        }
        return b;
    }
}
