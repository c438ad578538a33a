package io.dittofs.cli;

import java.lang.reflect.InvocationTargetException;

/**
 * dfsctl.jar's entry point, compiled for Java 17 (a separate source root) so that an older
 * {@code java -jar} says what is wrong instead of failing with UnsupportedClassVersionError; on
 * Java 21+ it hands over to {@link DfsCtl#main}, found by name so this class links alone.
 */
public final class Main {

    static final int REQUIRED = 21;

    private Main() {
    }

    public static void main(String[] args) throws Throwable {
        launch("dfsctl", "io.dittofs.cli.DfsCtl", args);
    }

    /** Checks the running Java, then calls {@code className}'s main. */
    static void launch(String tool, String className, String[] args) throws Throwable {
        int running = Runtime.version().feature();
        if (running < REQUIRED) {
            System.err.println(tool + ": needs Java >= " + REQUIRED + " but this is Java " + running + " ("
                    + System.getProperty("java.home") + "); run it with ./" + tool + ", which picks a JDK >= "
                    + REQUIRED + " under /usr/lib/jvm, or run the jar with that JDK's java (or set JAVA_HOME)");
            System.exit(1);
        }
        try {
            Class.forName(className).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
