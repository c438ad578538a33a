package io.dittofs.lock.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.lock.grpc.LockGrpcService;
import io.dittofs.lock.spi.LockStore;
import io.grpc.BindableService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The configuration the launcher imports: store selection, defaults and refusals naming the property. */
class LockServiceConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(LockServiceConfiguration.class);

    @TempDir
    Path tmp;

    @Test
    void memoryStoreAndServiceBean() {
        runner.withPropertyValues("dittofs.lock.store=memory").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(LockStore.class).kind()).isEqualTo("memory");
            assertThat(ctx.getBean(BindableService.class)).isInstanceOf(LockGrpcService.class);
        });
    }

    @Test
    void rocksdbIsTheDefaultUnderTheDataDir() {
        runner.withPropertyValues("dittofs.data-dir=" + tmp).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(LockStore.class).kind()).isEqualTo("rocksdb");
        });
        assertThat(Files.isDirectory(tmp.resolve("lock"))).isTrue();
    }

    @Test
    void postgresStoreOnTheRealServer() {
        String schema = "lkcfg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        runner.withPropertyValues("dittofs.lock.store=postgres", "dittofs.lock.postgres.url=jdbc:postgresql://127.0.0.1:5432/test",
                "dittofs.lock.postgres.schema=" + schema).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(LockStore.class).kind()).isEqualTo("postgres");
        });
        try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
             var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unknownStoreFailsNamingPropertyAndChoices() {
        runner.withPropertyValues("dittofs.lock.store=zookeeper").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("dittofs.lock.store")
                    .hasMessageContaining("memory, rocksdb, postgres").hasMessageContaining("zookeeper");
        });
    }

    @Test
    void badNumbersFailNamingTheProperty() {
        runner.withPropertyValues("dittofs.lock.store=memory", "dittofs.lock.grace-seconds=-1").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("dittofs.lock.grace-seconds"));
        runner.withPropertyValues("dittofs.lock.store=memory", "dittofs.lock.break-timeout-seconds=0").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("dittofs.lock.break-timeout-seconds"));
        runner.withPropertyValues("dittofs.lock.store=postgres", "dittofs.lock.postgres.schema=Bad-Name").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("dittofs.lock.postgres.schema"));
    }
}
