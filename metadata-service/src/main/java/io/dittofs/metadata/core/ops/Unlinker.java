package io.dittofs.metadata.core.ops;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.PayloadId;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.Released;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.spi.DirEntry;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.StoreTx;

/** Drops one name of an inode (REMOVE and the target of RENAME); the caller touches the directory. */
final class Unlinker {

    private Unlinker() {
    }

    /** Refuses a directory that still has entries. */
    static void requireEmpty(StoreTx tx, Inode dir) {
        if (dir.isDirectory() && !tx.entries(dir.id(), 0, 1).isEmpty()) {
            throw new StatusException(Status.NOTEMPTY, "directory " + dir.id() + " is not empty");
        }
    }

    static Released unlink(MetadataCore core, StoreTx tx, Inode dir, DirEntry entry, Inode victim, long now) {
        tx.deleteEntry(dir.id(), entry);
        Released.Builder r = Released.newBuilder().setHandle(core.handle(victim));
        if (victim.isDirectory()) {
            tx.deleteInode(victim.id());
            return r.setNlinkAfter(0).build();
        }
        int left = victim.nlink() - 1;
        if (left <= 0) {
            tx.deleteInode(victim.id());
            core.outbox().released(tx, victim);
            if (victim.payloadId().length > 0) {
                r.setPayloadId(PayloadId.newBuilder().setValue(ByteString.copyFrom(victim.payloadId())))
                        .setContentQueued(core.outbox().enabled());
            }
            return r.setNlinkAfter(0).build();
        }
        Inode.Edit e = victim.edit();
        e.nlink = left;
        e.ctime = now;
        e.change = victim.change() + 1;
        tx.putInode(e.build());
        return r.setNlinkAfter(left).build();
    }
}
