package io.dittofs.metadata.core.ops;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import java.nio.charset.StandardCharsets;

final class ShareNames {

    private ShareNames() {
    }

    static void validate(String name) {
        if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > 255 || name.indexOf(0) >= 0) {
            throw new StatusException(Status.INVAL, "bad share name");
        }
    }
}
