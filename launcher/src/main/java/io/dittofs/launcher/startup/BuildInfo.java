package io.dittofs.launcher.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version and build time Maven wrote into META-INF/build-info.properties (also shown by /actuator/info). */
public final class BuildInfo {

    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    public static String version() {
        return PROPS.getProperty("build.version", "unknown");
    }

    /** "DittoFS 0.1.0-SNAPSHOT (built 2026-11-29T19:40:00Z)". */
    public static String line() {
        String time = PROPS.getProperty("build.time");
        return "DittoFS " + version() + (time != null ? " (built " + time + ")" : "");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream("META-INF/build-info.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read META-INF/build-info.properties", e);
        }
        return p;
    }
}
