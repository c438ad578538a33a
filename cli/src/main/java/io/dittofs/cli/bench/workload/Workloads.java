package io.dittofs.cli.bench.workload;

import java.util.ArrayList;
import java.util.List;

/** The workloads by name, in report order. */
public final class Workloads {

    private Workloads() {
    }

    public static List<Workload> all() {
        return List.of(new SequentialWrite(), new SequentialRead(), new RandomIo("rand-read", 1.0),
                new RandomIo("rand-write", 0.0), new RandomIo("mixed-70-30", 0.7), new Metadata(), new SmallFiles(),
                new DirectoryListing());
    }

    public static List<String> names() {
        return all().stream().map(Workload::name).toList();
    }

    /** The named workloads in report order; names the unknown ones and the valid list. */
    public static List<Workload> select(List<String> names) {
        if (names == null || names.isEmpty()) {
            return all();
        }
        for (String n : names) {
            if (!names().contains(n)) {
                throw new IllegalArgumentException("unknown workload '" + n + "' in --workloads; valid: "
                        + String.join(", ", names()));
            }
        }
        List<Workload> out = new ArrayList<>();
        for (Workload w : all()) {
            if (names.contains(w.name())) {
                out.add(w);
            }
        }
        return out;
    }
}
