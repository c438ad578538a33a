package io.dittofs.gateway.nfs.v3;

import java.util.Arrays;

/** writeverf3 / cookieverf3 are exactly 8 bytes on the wire. */
final class Verifiers {

    private Verifiers() {
    }

    static byte[] of(byte[] v) {
        return Arrays.copyOf(v, 8);
    }
}
