package io.dittofs.gateway.fs.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Identity;
import io.dittofs.contracts.common.v1.PayloadId;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.common.v1.Timestamp;
import io.dittofs.gateway.fs.model.ContentId;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.Time;
import io.dittofs.gateway.identity.Principal;
import io.dittofs.gateway.identity.Principals;

/** The contracts' common types (status, handle, identity, time, payload id) to and from the model. */
final class CommonMapper {

    private CommonMapper() {
    }

    static FsStatus status(Status s) {
        return switch (s) {
            case OK -> FsStatus.OK;
            case NOENT -> FsStatus.NOENT;
            case EXIST -> FsStatus.EXIST;
            case NOTDIR -> FsStatus.NOTDIR;
            case ISDIR -> FsStatus.ISDIR;
            case NOTEMPTY -> FsStatus.NOTEMPTY;
            case NAMETOOLONG -> FsStatus.NAMETOOLONG;
            case INVALID_NAME -> FsStatus.INVALID_NAME;
            case XDEV -> FsStatus.XDEV;
            case MLINK -> FsStatus.MLINK;
            case LOOP -> FsStatus.LOOP;
            case INVAL -> FsStatus.INVAL;
            case BADTYPE -> FsStatus.BADTYPE;
            case STALE -> FsStatus.STALE;
            case BADHANDLE -> FsStatus.BADHANDLE;
            case ACCESS -> FsStatus.ACCESS;
            case PERM -> FsStatus.PERM;
            case ROFS -> FsStatus.ROFS;
            case NOSPC -> FsStatus.NOSPC;
            case DQUOT -> FsStatus.DQUOT;
            case FBIG -> FsStatus.FBIG;
            case IO -> FsStatus.IO;
            case BAD_COOKIE, COOKIE_VERF_MISMATCH -> FsStatus.BAD_COOKIE;
            case TOOSMALL -> FsStatus.TOOSMALL;
            case NOT_SYNC -> FsStatus.NOT_SYNC;
            case NOXATTR -> FsStatus.NOXATTR;
            case XATTR_EXISTS -> FsStatus.XATTR_EXISTS;
            case NOTSUPP -> FsStatus.NOTSUPP;
            case DENIED, SHARE_DENIED, LOCKED, BREAK_PENDING, GRACE -> FsStatus.LOCK_CONFLICT;
            case DEADLOCK, NO_GRACE, RECLAIM_BAD, EXPIRED, BAD_STATE, NOT_LOCKED -> FsStatus.BAD_STATE;
            case DELAY -> FsStatus.DELAY;
            case SERVERFAULT, UNRECOGNIZED -> FsStatus.SERVERFAULT;
        };
    }

    static FileHandle handle(Handle h) {
        // the handle's bytes are copied once here; handles are at most 64 bytes
        return FileHandle.newBuilder().setValue(ByteString.copyFrom(h.bytes())).build();
    }

    /** null when the service sent no handle. */
    static Handle handle(FileHandle h) {
        return h.getValue().isEmpty() || h.getValue().size() > Handle.MAX_BYTES ? null : Handle.of(h.getValue().toByteArray());
    }

    static Identity identity(Principal p) {
        return Principals.contract(p);
    }

    static Time time(Timestamp t) {
        int nanos = t.getNanos();
        // uint32 on the wire: a service bug must not become an exception here
        return new Time(t.getSeconds(), nanos < 0 || nanos > 999_999_999 ? 999_999_999 : nanos);
    }

    static Timestamp time(Time t) {
        return Timestamp.newBuilder().setSeconds(t.seconds()).setNanos(t.nanos()).build();
    }

    static PayloadId content(ContentId c) {
        return PayloadId.newBuilder().setValue(UnsafeByteOperations.unsafeWrap(c.bytes())).build();
    }

    /** null when absent or empty. */
    static ContentId content(PayloadId p) {
        return p.getValue().isEmpty() ? null : ContentId.of(p.getValue().toByteArray());
    }

    static byte[] bytes(ByteString b) {
        return b.toByteArray();
    }
}
