package io.dittofs.cli.bench.report;

import java.util.Locale;

final class Fmt {

    private Fmt() {
    }

    static String num(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String ratio(double v, double base) {
        return base > 0 ? String.format(Locale.ROOT, "%.2fx", v / base) : "n/a";
    }
}
