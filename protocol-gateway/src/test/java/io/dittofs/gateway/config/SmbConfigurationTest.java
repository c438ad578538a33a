package io.dittofs.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.ShareIds;
import io.dittofs.gateway.share.ShareRegistry;
import io.dittofs.gateway.share.Squash;
import io.dittofs.gateway.share.StaticShareRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** dittofs.smb.* binds with its documented defaults, bad values name the property, and the listener serves logons. */
class SmbConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GatewayProperties.class)
    static class Core {
        @Bean
        ShareRegistry shares() {
            return new StaticShareRegistry(List.of(new Share("export", "/export", false, Squash.NONE, 65534, 65534, List.of())));
        }

        @Bean
        ShareIds ids(ShareRegistry shares) {
            return new ShareIds(shares, name -> 1L);
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Core.class, SmbConfiguration.class);

    @Test
    void defaultsAreTheDocumentedOnes() {
        runner.withPropertyValues("dittofs.smb.enabled=false").withUserConfiguration(PropsOnly.class).run(ctx -> {
            SmbProperties p = ctx.getBean(SmbProperties.class);
            assertThat(p.port()).isEqualTo(12445);
            assertThat(p.bindAddress()).isEqualTo("127.0.0.1");
            assertThat(p.signingRequired()).isTrue();
            assertThat(p.allowGuest()).isFalse();
            assertThat(p.encryptionRequired()).isFalse();
            assertThat(p.encryptedShares()).isEmpty();
            assertThat(ctx).doesNotHaveBean(SmbListener.class);
        });
    }

    @Test
    void encryptionPropertiesReachTheServerSettings() {
        runner.withPropertyValues("dittofs.smb.enabled=false", "dittofs.smb.encryption-required=true",
                "dittofs.smb.encrypted-shares=export,Secret").withUserConfiguration(PropsOnly.class).run(ctx -> {
            var settings = new SmbConfiguration().smbServerSettings(ctx.getBean(SmbProperties.class));
            assertThat(settings.encryptionRequired()).isTrue();
            assertThat(settings.shareEncrypted("EXPORT")).isTrue();
            assertThat(settings.shareEncrypted("secret")).isTrue();
            assertThat(settings.shareEncrypted("other")).isFalse();
            assertThat(settings.maxCredits()).isEqualTo(8192);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SmbProperties.class)
    static class PropsOnly {
    }

    @Test
    void badValuesNameThePropertyAndTheFix() {
        runner.withPropertyValues("dittofs.smb.port=70000").run(ctx -> assertThatThrownBy(() -> {
            throw ctx.getStartupFailure();
        }).hasStackTraceContaining("DITTOFS_SMB_PORT"));
        runner.withPropertyValues("dittofs.smb.port=0", "dittofs.smb.static-users=alice").run(ctx ->
                assertThatThrownBy(() -> {
                    throw ctx.getStartupFailure();
                }).hasStackTraceContaining("dittofs.smb.static-users"));
    }

    @Test
    void listenerStartsWithTheContextAndAuthenticatesStaticUsers() {
        runner.withPropertyValues("dittofs.smb.port=0", "dittofs.smb.static-users=alice:pw-1:1000:1000").run(ctx -> {
            assertThat(ctx.getStartupFailure()).isNull();
            int port = ctx.getBean(SmbListener.class).port();
            assertThat(port).isPositive();
            try (SMBClient client = new SMBClient(SmbConfig.builder().withSigningRequired(true).build());
                 Connection c = client.connect("127.0.0.1", port)) {
                Session s = c.authenticate(new AuthenticationContext("alice", "pw-1".toCharArray(), "WORKGROUP"));
                assertThat(s.connectShare("export")).isNotNull();
                s.logoff();
            }
        });
    }
}
