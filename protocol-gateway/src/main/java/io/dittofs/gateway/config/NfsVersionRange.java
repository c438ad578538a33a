package io.dittofs.gateway.config;

import io.dittofs.gateway.rpc.RpcProgram;

/**
 * The NFS versions the adapter serves ({@code dittofs.nfs.min-version} .. {@code max-version}):
 * NFSv3 as version 3, NFSv4.x as 4 with minor versions. A version outside the range is not
 * registered (PROG_MISMATCH names what is), a minor version outside it MINOR_VERS_MISMATCH.
 *
 * @param min 30 for NFSv3, 40 for 4.0, 41 for 4.1, 42 for 4.2 (major × 10 + minor)
 */
public record NfsVersionRange(int min, int max) {

    public static final int NFS_PROGRAM = 100003;
    /** What a version property may say. */
    public static final String PATTERN = "3|4|4\\.0|4\\.1|4\\.2";

    public static NfsVersionRange of(String min, String max) {
        return new NfsVersionRange(code(min), code(max));
    }

    /** "3" → 30, "4" or "4.0" → 40, "4.1" → 41, "4.2" → 42; anything else is refused by the property's pattern first. */
    static int code(String v) {
        return switch (v.trim()) {
            case "3" -> 30;
            case "4", "4.0" -> 40;
            case "4.1" -> 41;
            case "4.2" -> 42;
            default -> throw new IllegalArgumentException("NFS version " + v + " is not one of 3, 4.0, 4.1, 4.2");
        };
    }

    public boolean serves3() {
        return min <= 30;
    }

    public boolean serves4() {
        return max >= 40;
    }

    /** Lowest NFSv4 minor version served (meaningful when {@link #serves4()}). */
    public int minMinor() {
        return Math.max(0, min - 40);
    }

    public int maxMinor() {
        return max - 40;
    }

    /** Whether {@code p} may be registered: program 100003 only at versions inside the range. */
    public boolean admits(RpcProgram p) {
        if (p.program() != NFS_PROGRAM) {
            return true;
        }
        return (p.lowVersion() <= 3 && 3 <= p.highVersion() && serves3())
                || (p.lowVersion() <= 4 && 4 <= p.highVersion() && serves4());
    }
}
