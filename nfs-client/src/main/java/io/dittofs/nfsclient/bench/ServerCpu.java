package io.dittofs.nfsclient.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time a local server process has used (Linux {@code /proc/PID/stat} utime + stime), so a
 * benchmark can report the server's CPU per operation, a figure that a loaded machine disturbs far
 * less than a rate. Enabled with {@code -Ddittofs.bench.server-pid=PID}, or a comma-separated list of
 * PIDs whose CPU is summed (a server made of several processes: the gateway and its services);
 * otherwise every reading is -1.
 */
final class ServerCpu {

    /** Linux reports utime/stime in clock ticks of USER_HZ, 100 on every common kernel. */
    private static final double MICROS_PER_TICK = 10_000;

    private final List<Path> stats;

    private ServerCpu(List<Path> stats) {
        this.stats = stats;
    }

    static ServerCpu fromProperty() {
        return of(System.getProperty("dittofs.bench.server-pid", ""));
    }

    static ServerCpu of(String pids) {
        List<Path> stats = new ArrayList<>();
        for (String pid : pids.split(",")) {
            if (!pid.isBlank()) {
                stats.add(Path.of("/proc", pid.trim(), "stat"));
            }
        }
        return new ServerCpu(List.copyOf(stats));
    }

    boolean enabled() {
        return !stats.isEmpty();
    }

    /** Ticks of CPU used so far by all the processes, or -1 when disabled or any is unreadable. */
    long ticks() {
        if (stats.isEmpty()) {
            return -1;
        }
        long sum = 0;
        for (Path stat : stats) {
            long t = ticks(stat);
            if (t < 0) {
                return -1;
            }
            sum += t;
        }
        return sum;
    }

    private static long ticks(Path stat) {
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
