package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.CreateMode;
import io.dittofs.contracts.metadata.v1.CreateRequest;
import io.dittofs.contracts.metadata.v1.CreateResponse;
import io.dittofs.contracts.metadata.v1.SetAttrs;
import io.dittofs.metadata.core.Acls;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.Caller;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.Names;
import io.dittofs.metadata.core.Perms;
import io.dittofs.metadata.spi.DirEntry;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.StoreTx;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** creat/open(O_CREAT[|O_EXCL]), mkdir, symlink and mknod: one new name and one new inode. */
public final class CreateOp extends Op<CreateRequest, CreateResponse> {

    public static final int MAX_SYMLINK_BYTES = 4096;
    public static final int PAYLOAD_ID_BYTES = 16;

    public CreateOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected CreateResponse execute(CreateRequest req) {
        Caller c = Caller.of(req.hasIdentity(), req.getIdentity());
        HandleCodec.Ref ref = core.ref(req.getDir());
        Names.validate(req.getName());
        FileType type = req.getType();
        switch (type) {
            case REGULAR, DIRECTORY, FIFO, SOCKET -> { }
            case SYMLINK -> {
                int n = req.getSymlinkTarget().getBytes(StandardCharsets.UTF_8).length;
                if (n == 0) {
                    throw new StatusException(Status.INVAL, "empty symlink target");
                }
                if (n > MAX_SYMLINK_BYTES) {
                    throw new StatusException(Status.NAMETOOLONG, "symlink target of " + n + " bytes");
                }
            }
            case BLOCK_DEVICE, CHAR_DEVICE -> {
                if (!c.root()) {
                    throw new StatusException(Status.PERM, "only root may create device nodes");
                }
            }
            default -> throw new StatusException(Status.BADTYPE, "cannot create " + type);
        }
        CreateMode mode = type == FileType.REGULAR ? req.getMode() : CreateMode.GUARDED;
        if (mode == CreateMode.EXCLUSIVE && req.getVerifier().size() != 8) {
            throw new StatusException(Status.INVAL, "exclusive create needs an 8-byte verifier");
        }
        byte[] payload = core.randomBytes(PAYLOAD_ID_BYTES);
        int generation = core.randomInt();
        CreateResponse resp = core.store().writeNamespace(tx -> {
            Inode dir = MetadataCore.requireDir(core.resolve(tx, ref));
            Perms.require(dir, c, Perms.X);
            Optional<DirEntry> existing = tx.entry(dir.id(), req.getName());
            if (existing.isPresent()) {
                return reuse(tx, req, mode, c, dir, existing.get());
            }
            Perms.require(dir, c, Perms.W);
            long now = core.now();
            Inode.Edit d = dir.edit();
            long cookie = MetadataCore.nextCookie(d);
            Inode child = newInode(tx, req, c, dir, now, payload, generation);
            tx.putInode(child);
            tx.putEntry(dir.id(), new DirEntry(req.getName(), child.id(), cookie));
            Inode dirAfter = core.touchDir(tx, d.build(), now, child.isDirectory() ? 1 : 0);
            return CreateResponse.newBuilder().setHandle(core.handle(child)).setAttr(Attrs.of(child))
                    .setDirWcc(Attrs.wcc(dir, dirAfter)).build();
        });
        if (resp.getExisted() && req.getAttrs().hasSize() && resp.getAttr().hasPayloadId()) {
            // O_TRUNC of an existing file: cut the content before answering (see SetAttrOp)
            core.drain().applyNow(resp.getAttr().getPayloadId().getValue().toByteArray());
        }
        return resp;
    }

    /** The name exists: UNCHECKED opens a regular file, EXCLUSIVE a retry with the same verifier. */
    private CreateResponse reuse(StoreTx tx, CreateRequest req, CreateMode mode, Caller c, Inode dir, DirEntry entry) {
        Inode found = tx.inode(entry.child()).orElseThrow(() -> new StatusException(Status.SERVERFAULT, "dangling entry"));
        boolean same = switch (mode) {
            case UNCHECKED -> found.type() == FileType.REGULAR;
            case EXCLUSIVE -> found.type() == FileType.REGULAR && Arrays.equals(found.verifier(), req.getVerifier().toByteArray());
            default -> false;
        };
        if (!same) {
            throw new StatusException(Status.EXIST, req.getName() + " exists in " + dir.id());
        }
        Inode after = found;
        if (mode == CreateMode.UNCHECKED && req.getAttrs().hasSize()) {
            // O_TRUNC-like: an UNCHECKED create with a size applies it, with truncate's permission rule
            SetAttrs sizeOnly = SetAttrs.newBuilder().setSize(req.getAttrs().getSize()).build();
            long now = core.now();
            Inode.Edit e = SetAttrOp.apply(found, sizeOnly, c, now);
            core.outbox().requireGrowable(tx, found, sizeOnly.getSize());
            e.ctime = now;
            e.change = found.change() + 1;
            after = e.build();
            tx.putInode(after);
            core.outbox().resized(tx, found, after);
        }
        return CreateResponse.newBuilder().setHandle(core.handle(after)).setAttr(Attrs.of(after))
                .setDirWcc(Attrs.wcc(dir, dir)).setExisted(true).build();
    }

    private Inode newInode(StoreTx tx, CreateRequest req, Caller c, Inode dir, long now, byte[] payload, int generation) {
        SetAttrs a = req.getAttrs();
        FileType type = req.getType();
        Inode.Edit e = new Inode.Edit();
        e.id = tx.allocateId();
        e.share = dir.share();
        e.generation = generation;
        e.type = type;
        e.uid = c.uid();
        boolean setgidDir = (dir.mode() & Perms.S_ISGID) != 0;
        e.gid = setgidDir ? dir.gid() : c.gid();
        int mode = a.hasMode() ? a.getMode() & 07777 : switch (type) {
            case DIRECTORY -> 0755;
            case SYMLINK -> 0777;
            default -> 0644;
        };
        if (type == FileType.DIRECTORY && setgidDir) {
            mode |= Perms.S_ISGID;
        }
        if (!c.root() && (mode & Perms.S_ISGID) != 0 && type != FileType.DIRECTORY && !c.inGroup(e.gid)) {
            mode &= ~Perms.S_ISGID;
        }
        e.mode = mode;
        e.nlink = type == FileType.DIRECTORY ? 2 : 1;
        e.atime = e.mtime = e.ctime = e.btime = now;
        e.change = 1;
        // SMB's DOS attributes asked for at creation are kept with the new file (the creator owns it)
        e.dosAttributes = a.hasDosAttributes() ? a.getDosAttributes() : 0;
        e.parent = dir.id();
        if (type == FileType.DIRECTORY) {
            e.nextCookie = ReadDirOp.FIRST_COOKIE;
        }
        if (type == FileType.REGULAR) {
            e.payloadId = payload;
            if (req.getMode() == CreateMode.EXCLUSIVE) {
                e.verifier = req.getVerifier().toByteArray();
            }
        }
        if (type == FileType.SYMLINK) {
            e.target = req.getSymlinkTarget();
            e.size = req.getSymlinkTarget().getBytes(StandardCharsets.UTF_8).length;
        }
        if (type == FileType.BLOCK_DEVICE || type == FileType.CHAR_DEVICE) {
            e.rdevMajor = req.getRdevMajor();
            e.rdevMinor = req.getRdevMinor();
        }
        // an ACL given at creation (SMB's security descriptor), else what the directory's ACL passes on
        if (a.getSetAcl()) {
            Acls.validate(a.getAcl());
            e.acl = a.getAcl();
        } else {
            e.acl = Acls.inherited(dir, type == FileType.DIRECTORY);
        }
        if (e.acl != null) {
            e.mode = (e.mode & 07000) | Acls.mode(e.acl, e.uid, e.gid);
        }
        Inode fresh = e.build();
        // owner and group asked for at creation follow chown's rules against the new inode
        if (a.hasUid() || a.hasGid()) {
            SetAttrs owner = a.toBuilder().clearMode().clearSize().clearAtime().clearMtime().clearBtime()
                    .clearDosAttributes().clearAcl().clearSetAcl().build();
            Inode.Edit o = SetAttrOp.apply(fresh, owner, c, now);
            if (o != null) {
                o.mode = fresh.mode();
                fresh = o.build();
            }
        }
        if (a.hasMtime() || a.hasAtime()) {
            SetAttrs times = SetAttrs.newBuilder().setAtime(a.getAtime()).setMtime(a.getMtime()).build();
            Inode.Edit t = SetAttrOp.apply(fresh, times, c, now);
            if (t != null) {
                fresh = t.build();
            }
        }
        return fresh;
    }

    @Override
    protected CreateResponse failure(CreateRequest req, Status status) {
        return CreateResponse.newBuilder().setStatus(status).build();
    }
}
