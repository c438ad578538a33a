package io.dittofs.launcher;

import java.lang.reflect.InvocationTargetException;

/**
 * The launcher jar's entry point, compiled for Java 17 (a separate source root) so that an older
 * {@code java -jar} says what is wrong instead of failing with UnsupportedClassVersionError; on
 * Java 21+ it hands over to {@link DittoFsLauncher#main}, found by name so this class links alone.
 */
public final class Main {

    static final int REQUIRED = 21;

    private Main() {
    }

    public static void main(String[] args) throws Throwable {
        int running = Runtime.version().feature();
        if (running < REQUIRED) {
            System.err.println("dittofs: needs Java >= " + REQUIRED + " but this is Java " + running + " ("
                    + System.getProperty("java.home") + "); start it with ./dittofs, which picks a JDK >= "
                    + REQUIRED + " under /usr/lib/jvm, or run the jar with that JDK's java (or set JAVA_HOME)");
            System.exit(1);
        }
        try {
            Class.forName("io.dittofs.launcher.DittoFsLauncher").getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
