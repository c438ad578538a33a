package io.dittofs.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.control.auth.Bootstrap;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The same data dir started again with another DITTOFS_ADMIN_INITIAL_PASSWORD: not applied, and
 * the log says so and how to reset; the reset sets it and ends the admin's sessions.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordResetTest {

    static final String NOT_APPLIED = "DITTOFS_ADMIN_INITIAL_PASSWORD was not applied";

    @TempDir
    Path dir;

    @Test
    void anInitialPasswordOnAnExistingAdminIsReportedAndTheResetAppliesIt(CapturedOutput output) {
        try (ConfigurableApplicationContext cp = start("first-Admin-pw1", false)) {
            assertThat(login(cp, "first-Admin-pw1")).isEqualTo(200);
        }
        assertThat(output.getAll()).doesNotContain(NOT_APPLIED);

        try (ConfigurableApplicationContext cp = start("second-Admin-pw2", false)) {
            assertThat(output.getAll()).contains(NOT_APPLIED, "./dittofs --reset-admin-password",
                    "dittofs.control.reset-admin-password=true");
            assertThat(login(cp, "second-Admin-pw2")).isEqualTo(401);
            assertThat(login(cp, "first-Admin-pw1")).isEqualTo(200);
        }
        int warnings = count(output.getAll(), NOT_APPLIED);

        String refreshToken;
        try (ConfigurableApplicationContext cp = start("first-Admin-pw1", false)) {
            assertThat(count(output.getAll(), NOT_APPLIED)).as("same password again: nothing to report").isEqualTo(warnings);
            refreshToken = api(cp).post("/api/v1/auth/login", body("first-Admin-pw1")).json().get("refreshToken").asString();
        }

        try (ConfigurableApplicationContext cp = start("second-Admin-pw2", true)) {
            assertThat(output.getAll()).contains("reset the password of user 'admin'");
            assertThat(login(cp, "second-Admin-pw2")).isEqualTo(200);
            assertThat(login(cp, "first-Admin-pw1")).isEqualTo(401);
            assertThat(api(cp).post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}").status())
                    .as("the old sessions ended").isEqualTo(401);
        }
    }

    @Test
    void aResetWithoutAPasswordLogsARandomOneThatMustBeChanged(CapturedOutput output) {
        try (ConfigurableApplicationContext cp = start("first-Admin-pw1", false)) {
            assertThat(login(cp, "first-Admin-pw1")).isEqualTo(200);
        }
        try (ConfigurableApplicationContext cp = start("", true)) {
            var m = java.util.regex.Pattern.compile(Bootstrap.PASSWORD_MARKER + " user=admin password=(\\S+)")
                    .matcher(output.getAll());
            assertThat(m.find()).isTrue();
            var login = api(cp).post("/api/v1/auth/login", body(m.group(1)));
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.json().get("mustChangePassword").asBoolean()).isTrue();
        }
    }

    private ConfigurableApplicationContext start(String password, boolean reset) {
        return ControlPlaneApplication.startEmbedded("--server.port=0", "--dittofs.data-dir=" + dir,
                "--dittofs.control.admin-initial-password=" + password, "--dittofs.control.reset-admin-password=" + reset);
    }

    private static ApiClient api(ConfigurableApplicationContext cp) {
        return new ApiClient(Integer.parseInt(cp.getEnvironment().getProperty("local.server.port")));
    }

    private static int login(ConfigurableApplicationContext cp, String password) {
        return api(cp).post("/api/v1/auth/login", body(password)).status();
    }

    private static String body(String password) {
        return "{\"username\":\"admin\",\"password\":\"" + password + "\"}";
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
