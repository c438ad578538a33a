package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.StoreTx;
import java.nio.charset.StandardCharsets;

/** Limits shared by the xattr operations (Linux XATTR_NAME_MAX and a 64 KiB value like XATTR_SIZE_MAX). */
final class XattrRules {

    static final int MAX_NAME_BYTES = 255;
    static final int MAX_VALUE_BYTES = 64 * 1024;

    private XattrRules() {
    }

    static void validateName(String name) {
        if (name.isEmpty() || name.indexOf(0) >= 0) {
            throw new StatusException(Status.INVALID_NAME, "bad xattr name");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new StatusException(Status.NAMETOOLONG, "xattr name longer than " + MAX_NAME_BYTES + " bytes");
        }
    }

    /** An xattr change is a metadata change: new ctime and change counter. */
    static Inode touch(MetadataCore core, StoreTx tx, Inode i) {
        Inode.Edit e = i.edit();
        e.ctime = core.now();
        e.change = i.change() + 1;
        Inode after = e.build();
        tx.putInode(after);
        return after;
    }
}
