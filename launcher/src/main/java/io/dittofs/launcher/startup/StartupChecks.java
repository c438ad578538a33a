package io.dittofs.launcher.startup;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runs once the launcher's configuration is known and before any store opens: prepares the data
 * directory and checks every configured port, so a bad setting fails in a second with a message
 * naming it. Keeps the environment for {@link FailureExplainer} should start-up fail later.
 */
public final class StartupChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupChecks.class);

    private volatile ConfigurableEnvironment environment;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        environment = env;
        String dataDir = env.getProperty(Setting.DATA_DIR.property(), "./data");
        var dir = DataDir.prepare(dataDir);
        log.info("DittoFS {} starting on Java {} (pid {}); data dir {}", BuildInfo.version(),
                Runtime.version(), ProcessHandle.current().pid(), dir);
        List<String> problems = new ArrayList<>();
        for (Listener l : listeners(env)) {
            l.problem().ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new StartupFailure(String.join("\n", problems));
        }
    }

    /** The sockets this configuration opens. */
    static List<Listener> listeners(ConfigurableEnvironment env) {
        List<Listener> all = new ArrayList<>(List.of(Listener.nfs(env), Listener.portmap(env)));
        if (env.getProperty("dittofs.control.enabled", Boolean.class, true)) {
            all.add(Listener.api(env));
        }
        return all;
    }

    /** The launcher's configuration, or null when start-up failed before it was read. */
    public ConfigurableEnvironment environment() {
        return environment;
    }
}
