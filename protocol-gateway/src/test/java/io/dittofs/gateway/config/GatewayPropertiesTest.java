package io.dittofs.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** dittofs.gateway.* binding: defaults, the control-plane switch, and errors that name the property. */
class GatewayPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GatewayProperties.class)
    static class Props {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Props.class);

    @Test
    void defaultsExportOneShareAndWatchNothing() {
        runner.run(ctx -> {
            GatewayProperties p = ctx.getBean(GatewayProperties.class);
            assertThat(p.watchedControlPlane()).isEmpty();
            assertThat(p.exports()).singleElement().satisfies(e -> {
                assertThat(e.path()).isEqualTo("/export");
                assertThat(e.squash()).isEqualTo("root");
                assertThat(e.anonUid()).isEqualTo(65534);
            });
        });
    }

    @Test
    void theControlPlaneIsFollowedUnlessSwitchedOff() {
        runner.withPropertyValues("dittofs.gateway.control-target=in-process:dittofs")
                .run(ctx -> assertThat(ctx.getBean(GatewayProperties.class).watchedControlPlane()).contains("in-process:dittofs"));
        runner.withPropertyValues("dittofs.gateway.control-target=in-process:dittofs", "dittofs.gateway.follow-control-plane=false")
                .run(ctx -> assertThat(ctx.getBean(GatewayProperties.class).watchedControlPlane()).isEmpty());
    }

    @Test
    void badValuesNameThePropertyAndTheFix() {
        runner.withPropertyValues("dittofs.gateway.control-target=nowhere").run(ctx -> assertThat(ctx).getFailure()
                .rootCause().hasMessageContaining("controlTarget").hasMessageContaining("dittofs.gateway.control-target"));
        runner.withPropertyValues("dittofs.gateway.exports[0].name=a", "dittofs.gateway.exports[0].path=/a",
                "dittofs.gateway.exports[0].networks[0]=example.com").run(ctx -> assertThat(ctx).getFailure()
                .rootCause().hasMessageContaining("exports[0].networks[0]").hasMessageContaining("10.0.0.0/8"));
    }
}
