package io.dittofs.lock.core.ops;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.lock.core.GrantEntry;
import io.dittofs.lock.core.LockTable;
import io.dittofs.lock.core.OpenEntry;

/** Finding opens and grants by id. */
final class Opens {

    private Opens() {
    }

    static OpenEntry find(LockTable t, ByteString id) {
        return t.fileOf(id).map(file -> t.file(file).opens().stream().filter(o -> o.id().equals(id)).findFirst().orElse(null))
                .orElseThrow(() -> new StatusException(Status.BAD_STATE, "unknown open id"));
    }

    static GrantEntry grant(LockTable t, ByteString id) {
        return t.fileOf(id).map(file -> t.file(file).grants().stream().filter(g -> g.id().equals(id)).findFirst().orElse(null))
                .orElseThrow(() -> new StatusException(Status.BAD_STATE, "unknown grant id"));
    }
}
