package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.SetAttrRequest;
import io.dittofs.contracts.metadata.v1.SetAttrResponse;
import io.dittofs.contracts.metadata.v1.SetAttrs;
import io.dittofs.contracts.metadata.v1.SetTime;
import io.dittofs.metadata.core.Acls;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.Caller;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.Perms;
import io.dittofs.metadata.spi.Inode;

/**
 * chmod/chown/truncate/utimes in one call, all or nothing: every permission is checked before
 * anything changes (RFC 1813 SETATTR; POSIX chmod, chown, truncate, utimensat rules).
 */
public final class SetAttrOp extends Op<SetAttrRequest, SetAttrResponse> {

    public SetAttrOp(MetadataCore core) {
        super(core);
    }

    @Override
    protected SetAttrResponse execute(SetAttrRequest req) {
        Caller c = Caller.of(req.hasIdentity(), req.getIdentity());
        HandleCodec.Ref ref = core.ref(req.getHandle());
        SetAttrs a = req.getAttrs();
        SetAttrResponse resp = core.store().writeNamespace(tx -> {
            Inode before = core.resolve(tx, ref);
            if (req.hasGuardCtime() && Attrs.nanos(req.getGuardCtime()) != before.ctime()) {
                throw new StatusException(Status.NOT_SYNC, "ctime guard mismatch on " + before.id());
            }
            long now = core.now();
            Inode.Edit e = apply(before, a, c, now);
            Inode after = before;
            if (e != null) {
                if (a.hasSize()) {
                    core.outbox().requireGrowable(tx, before, a.getSize());
                }
                e.ctime = now;
                e.change = before.change() + 1;
                after = e.build();
                tx.putInode(after);
                core.outbox().resized(tx, before, after);
            }
            SetAttrResponse.Builder r = SetAttrResponse.newBuilder().setWcc(Attrs.wcc(before, after));
            if (a.hasSize()) {
                r.setOldSize(before.size()).setContentResized(core.outbox().enabled());
            }
            return r.build();
        });
        if (a.hasSize() && resp.getOldSize() > a.getSize() && resp.getWcc().getAfter().hasPayloadId()) {
            // apply the cut before answering, so the client's next grow finds it done
            core.drain().applyNow(resp.getWcc().getAfter().getPayloadId().getValue().toByteArray());
        }
        return resp;
    }

    /** The changed inode, or null when nothing was asked. Throws before changing anything. */
    static Inode.Edit apply(Inode i, SetAttrs a, Caller c, long now) {
        boolean any = false;
        Inode.Edit e = i.edit();
        if (a.hasUid() && a.getUid() != i.uid() && !c.root()) {
            throw new StatusException(Status.PERM, "only root may change the owner of " + i.id());
        }
        if (a.hasGid() && a.getGid() != i.gid() && !c.root() && !(c.uid() == i.uid() && c.inGroup(a.getGid()))) {
            throw new StatusException(Status.PERM, c + " may not give " + i.id() + " group " + a.getGid());
        }
        if ((a.hasUid() || a.hasGid()) && !c.root() && !(c.uid() == i.uid())) {
            throw new StatusException(Status.PERM, c + " does not own " + i.id());
        }
        if (a.hasMode()) {
            Perms.requireOwner(i, c);
        }
        if (a.getSetAcl()) {
            // WRITE_ACL: the owner always, others when the ACL grants it
            if (!Perms.owner(i, c) && !(i.hasAcl() && Acls.allows(i, c, Acls.WRITE_ACL))) {
                throw new StatusException(Status.PERM, c + " may not change the ACL of " + i.id());
            }
            Acls.validate(a.getAcl());
        }
        if (a.hasSize()) {
            if (i.type() == FileType.DIRECTORY) {
                throw new StatusException(Status.ISDIR, "size of a directory");
            }
            if (i.type() != FileType.REGULAR) {
                throw new StatusException(Status.INVAL, "size of a special file");
            }
            if (a.getSize() < 0) {
                throw new StatusException(Status.FBIG, "size beyond 2^63");
            }
            Perms.requireData(i, c, Perms.W);
        }
        checkTime(i, c, a.getAtime());
        checkTime(i, c, a.getMtime());
        if (a.hasBtime() && a.getBtime().hasClientTime()) {
            Perms.requireOwner(i, c);
        }
        if (a.hasDosAttributes() && !Perms.owner(i, c)) {
            Perms.require(i, c, Perms.W);
        }

        if (a.hasMode()) {
            int mode = a.getMode() & 07777;
            // like chmod(2): a non-root caller outside the file's group cannot keep setgid
            if (!c.root() && !c.inGroup(a.hasGid() ? a.getGid() : i.gid())) {
                mode &= ~Perms.S_ISGID;
            }
            e.mode = mode;
            any = true;
        }
        if (a.hasUid() || a.hasGid()) {
            int uid = a.hasUid() ? a.getUid() : i.uid();
            int gid = a.hasGid() ? a.getGid() : i.gid();
            if (!c.root() && i.type() != FileType.DIRECTORY) {
                // chown by an unprivileged caller drops setuid/setgid, so it cannot mint privileged files
                e.mode &= ~(Perms.S_ISUID | Perms.S_ISGID);
            }
            e.uid = uid;
            e.gid = gid;
            any = true;
        }
        if (a.getSetAcl()) {
            e.acl = a.getAcl();
            any = true;
        } else if (a.hasMode() && i.hasAcl()) {
            // a chmod replaces the ACL by the mode's view of it, so the two never disagree
            e.acl = null;
        }
        if (e.acl != null && (a.getSetAcl() || a.hasUid() || a.hasGid())) {
            // the ACL decides the permission bits; setuid, setgid and sticky stay the mode's
            e.mode = (e.mode & 07000) | Acls.mode(e.acl, e.uid, e.gid);
        }
        if (a.hasSize()) {
            if (a.getSize() != i.size()) {
                e.size = a.getSize();
                e.mtime = now;
            }
            any = true;
        }
        if (a.hasAtime() && a.getAtime().getHowCase() != SetTime.HowCase.HOW_NOT_SET) {
            e.atime = time(a.getAtime(), now);
            any = true;
        }
        if (a.hasMtime() && a.getMtime().getHowCase() != SetTime.HowCase.HOW_NOT_SET) {
            e.mtime = time(a.getMtime(), now);
            any = true;
        }
        if (a.hasBtime() && a.getBtime().getHowCase() != SetTime.HowCase.HOW_NOT_SET) {
            e.btime = time(a.getBtime(), now);
            any = true;
        }
        if (a.hasDosAttributes()) {
            e.dosAttributes = a.getDosAttributes();
            any = true;
        }
        return any ? e : null;
    }

    /** utimensat: explicit times need ownership, "now" needs ownership or write permission. */
    private static void checkTime(Inode i, Caller c, SetTime t) {
        switch (t.getHowCase()) {
            case CLIENT_TIME -> Perms.requireOwner(i, c);
            case SERVER_TIME -> {
                if (!Perms.owner(i, c)) {
                    Perms.require(i, c, Perms.W);
                }
            }
            case HOW_NOT_SET -> { }
        }
    }

    private static long time(SetTime t, long now) {
        if (t.hasClientTime()) {
            try {
                return Attrs.nanos(t.getClientTime());
            } catch (ArithmeticException e) {
                throw new StatusException(Status.INVAL, "time out of range");
            }
        }
        return now;
    }

    @Override
    protected SetAttrResponse failure(SetAttrRequest req, Status status) {
        return SetAttrResponse.newBuilder().setStatus(status).build();
    }
}
