package io.dittofs.metadata.core;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.common.v1.PayloadId;
import io.dittofs.contracts.common.v1.Timestamp;
import io.dittofs.contracts.metadata.v1.Attr;
import io.dittofs.contracts.metadata.v1.Wcc;
import io.dittofs.contracts.metadata.v1.WccAttr;
import io.dittofs.metadata.spi.Inode;

/** Converts inodes to the contract's attribute messages. */
public final class Attrs {

    private static final long BLOCK = 4096;

    private Attrs() {
    }

    public static Timestamp ts(long nanos) {
        return Timestamp.newBuilder().setSeconds(Math.floorDiv(nanos, 1_000_000_000L))
                .setNanos((int) Math.floorMod(nanos, 1_000_000_000L)).build();
    }

    public static long nanos(Timestamp t) {
        return Math.addExact(Math.multiplyExact(t.getSeconds(), 1_000_000_000L), t.getNanos());
    }

    public static Attr of(Inode i) {
        return of(i, false);
    }

    /** @param withAcl also the explicit ACL (GetAttr with_acl); has_acl is always set */
    public static Attr of(Inode i, boolean withAcl) {
        Attr.Builder b = Attr.newBuilder()
                .setType(i.type()).setMode(i.mode()).setNlink(i.nlink()).setUid(i.uid()).setGid(i.gid())
                .setSize(i.size())
                // content is sparse-unknown here; report whole blocks as the upper bound
                .setSpaceUsed(i.type() == FileType.REGULAR ? (i.size() + BLOCK - 1) / BLOCK * BLOCK : BLOCK)
                .setRdevMajor(i.rdevMajor()).setRdevMinor(i.rdevMinor())
                .setFsid(Integer.toUnsignedLong(i.share())).setFileid(i.id())
                .setAtime(ts(i.atime())).setMtime(ts(i.mtime())).setCtime(ts(i.ctime())).setBtime(ts(i.btime()))
                .setChange(i.change()).setDosAttributes(i.dosAttributes()).setHasAcl(i.hasAcl());
        if (withAcl && i.hasAcl()) {
            b.setAcl(i.acl());
        }
        if (i.type() == FileType.REGULAR) {
            b.setPayloadId(PayloadId.newBuilder().setValue(ByteString.copyFrom(i.payloadId())));
        }
        return b.build();
    }

    public static WccAttr wccAttr(Inode i) {
        return WccAttr.newBuilder().setSize(i.size()).setMtime(ts(i.mtime())).setCtime(ts(i.ctime()))
                .setChange(i.change()).build();
    }

    public static Wcc wcc(Inode before, Inode after) {
        Wcc.Builder b = Wcc.newBuilder();
        if (before != null) {
            b.setBefore(wccAttr(before));
        }
        if (after != null) {
            b.setAfter(of(after));
        }
        return b.build();
    }
}
