package io.dittofs.metadata.storetest;

import io.dittofs.contracts.common.v1.Timestamp;

final class Ts {
    private Ts() {
    }

    static long of(Timestamp t) {
        return t.getSeconds() * 1_000_000_000L + t.getNanos();
    }
}
