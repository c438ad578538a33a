package io.dittofs.nfsclient.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a local server process has used (Linux {@code /proc/PID/stat} utime + stime), so a
 * benchmark can report the server's CPU per operation, a figure that a loaded machine disturbs far
 * less than a rate. Enabled with {@code -Ddittofs.bench.server-pid=PID}; otherwise every reading is -1.
 */
final class ServerCpu {

    /** Linux reports utime/stime in clock ticks of USER_HZ, 100 on every common kernel. */
    private static final double MICROS_PER_TICK = 10_000;

    private final Path stat;

    private ServerCpu(Path stat) {
        this.stat = stat;
    }

    static ServerCpu fromProperty() {
        String pid = System.getProperty("dittofs.bench.server-pid", "");
        return new ServerCpu(pid.isBlank() ? null : Path.of("/proc", pid.trim(), "stat"));
    }

    boolean enabled() {
        return stat != null;
    }

    /** Ticks of CPU used so far, or -1 when disabled or unreadable. */
    long ticks() {
        if (stat == null) {
            return -1;
        }
        try {
            String s = Files.readString(stat);
            // the command name (field 2) may contain spaces: fields are counted after its closing parenthesis
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // after the name: state is field 3, so utime (14) and stime (15) are at 11 and 12
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** " cpu=N us/op" for the ticks between two readings, or "" when disabled. */
    String perOp(long before, long after, long ops) {
        if (before < 0 || after < 0 || ops <= 0) {
            return "";
        }
        return String.format(" cpu=%.1f us/op", (after - before) * MICROS_PER_TICK / ops);
    }
}
