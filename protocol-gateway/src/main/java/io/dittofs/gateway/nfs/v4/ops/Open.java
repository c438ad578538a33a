package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.AccessMode;
import io.dittofs.gateway.fs.model.CreateMode;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Names;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.Stateid;
import io.dittofs.gateway.nfs.v4.attr.Bitmap;
import io.dittofs.gateway.nfs.v4.attr.SetAttrDecoder;
import io.dittofs.gateway.nfs.v4.state.OpenStates;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;


/**
 * OPEN (RFC 7530 §16.16, RFC 8881 §18.16): CLAIM_NULL (by name, optionally creating UNCHECKED,
 * GUARDED, EXCLUSIVE4 or EXCLUSIVE4_1) and CLAIM_FH (4.1). The share reservation is registered
 * with the lock-service ({@link OpenStates}): a second OPEN of the same open-owner upgrades its
 * open (same stateid, seqid + 1), and access or deny bits that meet another open's — another
 * client's, or an NLM SHARE — are SHARE_DENIED. No delegations are granted.
 */
public final class Open implements Nfs4Op<Open.Args> {

    public static final int CLAIM_NULL = 0;
    public static final int CLAIM_PREVIOUS = 1;
    public static final int CLAIM_DELEGATE_CUR = 2;
    public static final int CLAIM_FH = 4;
    public static final int CLAIM_DELEG_CUR_FH = 5;
    public static final int CLAIM_DELEG_PREV_FH = 6;
    private static final int RESULT_CONFIRM = 2;
    private static final int WANT_MASK = 0xff00;
    private static final int WANT_READ_DELEG = 0x100;
    private static final int WANT_WRITE_DELEG = 0x200;
    private static final int WANT_NO_DELEG = 0x400;
    private static final int WANT_CANCEL = 0x500;
    private static final int DELEGATE_NONE = 0;
    private static final int DELEGATE_READ = 1;
    private static final int DELEGATE_WRITE = 2;
    private static final int DELEGATE_NONE_EXT = 3;
    private static final int WND4_NOT_WANTED = 0;
    private static final int WND4_CONTENTION = 1;
    private static final int WND4_RESOURCE = 2;
    private static final int WND4_CANCELLED = 7;
    private static final int RESULT_LOCKTYPE_POSIX = 4;

    /** @param createMode -1 without create; else 0 UNCHECKED, 1 GUARDED, 2 EXCLUSIVE4, 3 EXCLUSIVE4_1 */
    /** @param delegStateid CLAIM_DELEGATE_CUR / CLAIM_DELEG_CUR_FH: the delegation the open is made under */
    public record Args(int seqid, int access, int deny, long clientId, byte[] owner, int createMode,
                       SetAttrDecoder.Decoded attrs, byte[] verifier, int claim, byte[] name, Stateid delegStateid) {
    }

    @Override
    public int code() {
        return 18;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        int seqid = in.readInt();
        int access = in.readInt();
        int deny = in.readInt();
        long clientId = in.readLong();
        byte[] owner = in.readOpaque(1024);
        int createMode = -1;
        SetAttrDecoder.Decoded attrs = null;
        byte[] verifier = new byte[0];
        if (in.readEnum(1) == 1) {
            createMode = in.readEnum(3);
            switch (createMode) {
                case 0, 1 -> attrs = SetAttrDecoder.read(in);
                case 2 -> verifier = in.readFixedOpaque(8);
                default -> {
                    verifier = in.readFixedOpaque(8);
                    attrs = SetAttrDecoder.read(in);
                }
            }
        }
        int claim = in.readEnum(6);
        byte[] name = null;
        Stateid deleg = null;
        switch (claim) {
            case CLAIM_NULL, 3 -> name = Names.read(in);
            case 1 -> in.readInt();
            case 2 -> {
                deleg = Stateid.read(in);
                name = Names.read(in);
            }
            case 5 -> deleg = Stateid.read(in);
            default -> { }
        }
        return new Args(seqid, access, deny, clientId, owner, createMode, attrs, verifier, claim, name, deleg);
    }

    @Override
    public boolean mutating() {
        return false;
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if (!(c.current() instanceof Fh.Real dir)) {
            return c.current() == null ? Nfs4Status.NOFILEHANDLE : (a.createMode() >= 0 ? Nfs4Status.ROFS : Nfs4Status.ISDIR);
        }
        int access = a.access() & 0xff;
        if (access < 1 || access > 3 || a.deny() < 0 || a.deny() > 3) {
            return Nfs4Status.INVAL;
        }
        int want = c.minor() >= 1 ? a.access() & WANT_MASK : 0;
        if (want > WANT_CANCEL || (c.minor() == 0 && (a.access() & ~0xff) != 0)) {
            return Nfs4Status.INVAL;
        }
        long clientId = c.minor() == 0 ? a.clientId() : c.session().clientId();
        var client = c.server().clients().client(clientId);
        if (client.isEmpty() || !client.get().confirmed()) {
            return c.minor() == 0 ? Nfs4Status.STALE_CLIENTID : Nfs4Status.EXPIRED;
        }
        c.server().clients().renew(clientId);
        if (c.minor() >= 1 && !reclaim(a.claim()) && !c.server().clients().reclaimDone(clientId)) {
            // RFC 8881 §18.51.3: a client that has not sent RECLAIM_COMPLETE may only reclaim
            return Nfs4Status.GRACE;
        }
        String ownerKey = OpenStates.State.ownerKey(OpenStates.Kind.OPEN, clientId, a.owner());
        return OwnerSeq.run(c, ownerKey, a.seqid(), code(), null, out, () -> open(c, a, dir, access, clientId, out));
    }

    /** CLAIM_PREVIOUS, CLAIM_DELEGATE_PREV and CLAIM_DELEG_PREV_FH reclaim state from before a restart. */
    private static boolean reclaim(int claim) {
        return claim == CLAIM_PREVIOUS || claim == 3 || claim == CLAIM_DELEG_PREV_FH;
    }

    private int open(CompoundContext c, Args a, Fh.Real dir, int access, long clientId, XdrWriter out) {
        Handle target;
        long before = 0;
        long after = 0;
        Bitmap attrset = Bitmap.EMPTY;
        switch (a.claim()) {
            case CLAIM_NULL -> {
                int bad = Names.check(a.name());
                if (bad != Nfs4Status.OK) {
                    return bad;
                }
                String name = Names.decode(a.name());
                var dirAttr = c.server().fs().getAttr(c.principal(), dir.handle());
                if (!dirAttr.status().ok()) {
                    return Nfs4Status.of(dirAttr.status());
                }
                if (dirAttr.attr().type() != FileType.DIRECTORY) {
                    return dirAttr.attr().type() == FileType.SYMLINK ? Nfs4Status.SYMLINK : Nfs4Status.NOTDIR;
                }
                before = dirAttr.attr().change();
                if (a.createMode() >= 0) {
                    int allowed = c.checkModify();
                    if (allowed != Nfs4Status.OK) {
                        return allowed;
                    }
                    SetAttrs sa = SetAttrs.NONE;
                    if (a.attrs() != null) {
                        var resolved = a.attrs().resolve(c.server().owners());
                        if (resolved.status() != Nfs4Status.OK) {
                            return resolved.status();
                        }
                        sa = resolved.attrs();
                    }
                    CreateMode mode = switch (a.createMode()) {
                        case 0 -> CreateMode.UNCHECKED;
                        case 1 -> CreateMode.GUARDED;
                        default -> CreateMode.EXCLUSIVE;
                    };
                    // size 0 truncates an existing file (O_TRUNC); any other size is for a new file only
                    SetAttrs onCreate = sa.size() == null || sa.size() == 0 ? sa
                            : new SetAttrs(sa.mode(), sa.uid(), sa.gid(), null, sa.atime(), sa.mtime());
                    var created = c.server().fs().create(c.principal(), dir.handle(), name,
                            CreateSpec.regular(mode, onCreate, a.createMode() >= 2 ? a.verifier() : new byte[0]));
                    if (!created.status().ok()) {
                        return created.status() == FsStatus.ISDIR ? Nfs4Status.ISDIR : Nfs4Status.of(created.status());
                    }
                    target = created.handle();
                    if (a.attrs() != null && !created.existed()) {
                        attrset = a.attrs().bits();
                        if (sa.size() != null && sa.size() != 0) {
                            // the create leaves an empty file; a size asked for is set like SETATTR's (content too)
                            var sized = c.server().fs().setAttr(c.principal(), target,
                                    new SetAttrs(null, null, null, sa.size(), null, null), null);
                            if (!sized.status().ok()) {
                                return Nfs4Status.of(sized.status());
                            }
                        }
                    }
                } else {
                    var found = c.server().fs().lookup(c.principal(), dir.handle(), name);
                    if (!found.status().ok()) {
                        return Nfs4Status.of(found.status());
                    }
                    target = found.handle();
                }
                var dirAfter = c.server().fs().getAttr(c.principal(), dir.handle());
                after = dirAfter.status().ok() ? dirAfter.attr().change() : before;
            }
            case CLAIM_FH -> {
                if (c.minor() == 0) {
                    return Nfs4Status.INVAL;
                }
                target = dir.handle();
            }
            case CLAIM_PREVIOUS -> {
                // the current filehandle is the file; the lock-service answers NO_GRACE outside its
                // grace period and finds the open it held before its restart inside it
                if (c.minor() >= 1 && c.server().clients().reclaimDone(clientId)) {
                    return Nfs4Status.NO_GRACE;
                }
                if (!c.server().opens().lockService()) {
                    return Nfs4Status.NO_GRACE;
                }
                target = dir.handle();
            }
            case CLAIM_DELEG_CUR_FH -> {
                if (c.minor() == 0) {
                    return Nfs4Status.INVAL;
                }
                target = dir.handle();
            }
            case CLAIM_DELEGATE_CUR -> {
                // the client tells the server of an open it made under its delegation: by name in the current directory
                int bad = Names.check(a.name());
                if (bad != Nfs4Status.OK) {
                    return bad;
                }
                var found = c.server().fs().lookup(c.principal(), dir.handle(), Names.decode(a.name()));
                if (!found.status().ok()) {
                    return Nfs4Status.of(found.status());
                }
                target = found.handle();
            }
            default -> {
                // CLAIM_DELEGATE_PREV / CLAIM_DELEG_PREV_FH: delegations do not survive a client restart here
                return c.minor() == 0 && a.claim() == CLAIM_DELEG_PREV_FH ? Nfs4Status.INVAL : Nfs4Status.NOTSUPP;
            }
        }
        var opened = c.server().fs().open(c.principal(), target, mode(access));
        if (!opened.status().ok()) {
            return opened.status() == FsStatus.BADTYPE ? typeError(c.minor(), opened.attr()) : Nfs4Status.of(opened.status());
        }
        if (opened.attr() != null && opened.attr().type() != FileType.REGULAR) {
            return typeError(c.minor(), opened.attr());
        }
        OpenStates opens = c.server().opens();
        int want = c.minor() >= 1 ? a.access() & WANT_MASK : 0;
        var already = opens.delegations().heldBy(clientId, target);
        if (a.claim() == CLAIM_DELEGATE_CUR || a.claim() == CLAIM_DELEG_CUR_FH) {
            // the open is made locally under the delegation (RFC 7530 §10.4.4): it must be this client's live one
            if (already.isEmpty() || a.delegStateid() == null
                    || !java.util.Arrays.equals(already.get().other(), a.delegStateid().other())) {
                var st = a.delegStateid() == null ? null : opens.delegations().find(a.delegStateid().other());
                return st != null && st.isPresent() && st.get().clientId() == clientId
                        ? (c.minor() >= 1 ? Nfs4Status.DELEG_REVOKED : Nfs4Status.EXPIRED) : Nfs4Status.BAD_STATEID;
            }
        }
        int grantBits = 0;
        boolean delegable = already.isEmpty() && (a.claim() == CLAIM_NULL || a.claim() == CLAIM_FH)
                && want != WANT_NO_DELEG && want != WANT_CANCEL && c.server().callbacks().pathUp(clientId, c.minor());
        if (delegable) {
            boolean writeWanted = want == WANT_WRITE_DELEG || (want != WANT_READ_DELEG && (access & 2) != 0);
            grantBits = writeWanted ? 3 : 1;
        }
        var res = opens.open(clientId, c.server().clients().lockClient(clientId), a.owner(), target, opened.file(),
                access, a.deny(), a.claim() == CLAIM_PREVIOUS, grantBits);
        if (res.status() != Nfs4Status.OK) {
            return res.status();
        }
        OpenStates.State st = res.state();
        if (st.access() != access) {
            // an upgrade: I/O through the stateid may now do what both opens allowed
            var both = c.server().fs().open(c.principal(), target, mode(st.access()));
            if (both.status().ok()) {
                st = opens.replace(res.other(), st.withIo(both.file()));
            }
        }
        byte[] other = res.other();
        String ownerKey = st.ownerKey();
        // 4.0 (RFC 7530 §16.18): an open-owner's first OPEN must be confirmed before it is used
        boolean confirm = c.minor() == 0 && !c.server().seqids().confirmed(ownerKey);
        Stateid sid = new Stateid(st.seqid(), other);
        c.setCurrent(new Fh.Real(target));
        c.currentStateid(sid);
        sid.write(out);
        out.writeBool(true).writeLong(before).writeLong(after);
        out.writeInt(RESULT_LOCKTYPE_POSIX | (confirm ? RESULT_CONFIRM : 0));
        attrset.write(out);
        writeDelegation(c, out, res, want, already.isPresent(), grantBits != 0);
        return Nfs4Status.OK;
    }

    /** open_delegation4 (RFC 7530 §16.16.2, RFC 8881 §18.16.2). */
    private static void writeDelegation(CompoundContext c, XdrWriter out, OpenStates.Result res, int want,
                                        boolean alreadyHeld, boolean asked) {
        if (res.grantBits() != 0) {
            boolean write = (res.grantBits() & 2) != 0;
            out.writeInt(write ? DELEGATE_WRITE : DELEGATE_READ);
            new Stateid(1, res.grantId()).write(out);
            out.writeBool(false);
            if (write) {
                // nfs_space_limit4: NFS_LIMIT_SIZE, no limit this server would enforce
                out.writeInt(1).writeLong(-1L);
            }
            // nfsace4 permissions: the server checks access on every open anyway, so none are promised here
            out.writeInt(0).writeInt(0).writeInt(0).writeString("");
            return;
        }
        if (c.minor() == 0 || want == 0) {
            out.writeInt(DELEGATE_NONE);
            return;
        }
        // a 4.1 client that stated a want learns why it got none (RFC 8881 §18.16.3)
        out.writeInt(DELEGATE_NONE_EXT);
        if (want == WANT_NO_DELEG) {
            out.writeInt(WND4_NOT_WANTED);
        } else if (want == WANT_CANCEL) {
            out.writeInt(WND4_CANCELLED);
        } else if (alreadyHeld || asked) {
            out.writeInt(WND4_CONTENTION).writeBool(false);
        } else {
            out.writeInt(WND4_RESOURCE).writeBool(false);
        }
    }

    private static int typeError(int minor, io.dittofs.gateway.fs.model.FileAttr attr) {
        if (attr == null) {
            return Nfs4Status.INVAL;
        }
        return switch (attr.type()) {
            case DIRECTORY -> Nfs4Status.ISDIR;
            case SYMLINK -> Nfs4Status.SYMLINK;
            // RFC 7530 has no WRONG_TYPE: 4.0 clients are told SYMLINK for any object OPEN cannot open
            default -> minor == 0 ? Nfs4Status.SYMLINK : Nfs4Status.WRONG_TYPE;
        };
    }

    private static AccessMode mode(int access) {
        return switch (access) {
            case 1 -> AccessMode.READ;
            case 2 -> AccessMode.WRITE;
            default -> AccessMode.READ_WRITE;
        };
    }
}
