package io.dittofs.launcher.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A bind error from inside the suite (after the early checks passed) still names the listener's setting. */
class FailureExplainerTest {

    @Test
    void aBindErrorDeepInsideIsTracedToTheNfsPortThatIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StandardEnvironment env = env(Map.of("dittofs.nfs.port", taken.getLocalPort(), "dittofs.nfs.udp", false,
                    "dittofs.control.enabled", false));
            Throwable failure = new IllegalStateException("Failed to start bean 'gatewayNfsListeners'",
                    new RuntimeException("bind failed", new BindException("Address already in use")));
            assertThat(FailureExplainer.explain(failure, env)).hasValueSatisfying(m -> assertThat(m)
                    .contains("NFS port " + taken.getLocalPort(), "already in use", "DITTOFS_NFS_PORT"));
        }
    }

    @Test
    void aBindErrorWhoseSocketIsFreeAgainStillNamesThePortSettings() {
        StandardEnvironment env = env(Map.of("dittofs.nfs.port", 0, "dittofs.control.enabled", false));
        assertThat(FailureExplainer.explain(new BindException("Address already in use"), env))
                .hasValueSatisfying(m -> assertThat(m).contains("DITTOFS_NFS_PORT", "DITTOFS_PORTMAP_PORT", "DITTOFS_API_PORT"));
    }

    @Test
    void aDataDirHeldByAnotherProcessIsNamed() {
        StandardEnvironment env = env(Map.of("dittofs.data-dir", "/srv/dfs"));
        Throwable h2 = new IllegalStateException("x", new RuntimeException("Database may be already in use: /srv/dfs/control"));
        assertThat(FailureExplainer.explain(h2, env)).hasValueSatisfying(m -> assertThat(m)
                .contains("/srv/dfs is in use by another DittoFS process", "DITTOFS_DATA_DIR"));
    }

    @Test
    void somethingUnknownIsLeftToTheStackTrace() {
        assertThat(FailureExplainer.explain(new IllegalStateException("boom"), env(Map.of()))).isEmpty();
    }

    private static StandardEnvironment env(Map<String, Object> props) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", props));
        return env;
    }
}
