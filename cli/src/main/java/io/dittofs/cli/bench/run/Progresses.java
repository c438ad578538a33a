package io.dittofs.cli.bench.run;

import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;

/** Picks the progress display: a bar on a terminal, plain lines otherwise. */
public final class Progresses {

    private Progresses() {
    }

    public enum Mode { AUTO, BAR, LINES, NONE }

    /** The bar draws on the terminal ({@code tty}); lines go to {@code lines}. */
    public static Progress create(Mode mode, PrintStream tty, PrintWriter lines) {
        return switch (mode) {
            case BAR -> new BarProgress(tty);
            case LINES -> new LineProgress(lines, 5000);
            case NONE -> Progress.NONE;
            case AUTO -> isTerminal() ? new BarProgress(tty) : new LineProgress(lines, 5000);
        };
    }

    /**
     * Whether stdout and stderr are a terminal. Since JDK 22 System.console() exists even when
     * redirected and Console.isTerminal() tells; on 21 a non-null console means a terminal.
     */
    static boolean isTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
