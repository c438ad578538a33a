package io.dittofs.gateway.rpc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The programs a server answers, keyed by (program, version). Filled while the server is wired
 * (before it listens); the portmapper lists {@link #registrations()} from here, so what it
 * advertises is what the dispatcher answers.
 */
public final class RpcRegistry {

    /** One registered (program, version). */
    public record Registration(int program, int version) {
    }

    private record Entry(int program, int version, RpcProgram handler) {
    }

    // a handful of entries: a linear scan beats any map and allocates nothing per call
    private volatile Entry[] entries = new Entry[0];

    public static RpcRegistry of(List<? extends RpcProgram> programs) {
        RpcRegistry r = new RpcRegistry();
        programs.forEach(r::register);
        return r;
    }

    /** Registers every version of {@code p}; a version already registered for the program is a wiring error. */
    public synchronized RpcRegistry register(RpcProgram p) {
        List<Entry> next = new ArrayList<>(Arrays.asList(entries));
        for (int v : p.versions()) {
            if (lookup(p.program(), v) != null) {
                throw new IllegalArgumentException("program " + p.program() + " version " + v + " is registered twice");
            }
            next.add(new Entry(p.program(), v, p));
        }
        entries = next.toArray(Entry[]::new);
        return this;
    }

    /** The handler of (program, version), or null. */
    public RpcProgram lookup(int program, int version) {
        for (Entry e : entries) {
            if (e.program == program && e.version == version) {
                return e.handler;
            }
        }
        return null;
    }

    /** {lowest, highest} registered version of {@code program}, or null when the program is unknown. */
    public int[] versionRange(int program) {
        int[] range = null;
        for (Entry e : entries) {
            if (e.program == program) {
                range = range == null ? new int[] {e.version, e.version}
                        : new int[] {Math.min(range[0], e.version), Math.max(range[1], e.version)};
            }
        }
        return range;
    }

    public List<Registration> registrations() {
        return Arrays.stream(entries).map(e -> new Registration(e.program, e.version)).toList();
    }
}
