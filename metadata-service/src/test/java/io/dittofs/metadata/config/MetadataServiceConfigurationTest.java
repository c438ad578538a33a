package io.dittofs.metadata.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.metadata.grpc.MetadataGrpcService;
import io.dittofs.metadata.spi.MetadataStore;
import io.grpc.BindableService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The configuration the launcher imports: store selection, defaults and refusals. */
class MetadataServiceConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(MetadataServiceConfiguration.class);

    @TempDir
    Path tmp;

    @Test
    void memoryStoreAndServiceBean() {
        runner.withPropertyValues("dittofs.metadata.store=memory").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(MetadataStore.class).kind()).isEqualTo("memory");
            assertThat(ctx.getBeansOfType(BindableService.class)).hasSize(1);
            assertThat(ctx.getBean(BindableService.class)).isInstanceOf(MetadataGrpcService.class);
        });
    }

    @Test
    void rocksdbIsTheDefaultUnderTheDataDir() {
        runner.withPropertyValues("dittofs.data-dir=" + tmp).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(MetadataStore.class).kind()).isEqualTo("rocksdb");
        });
        assertThat(Files.isDirectory(tmp.resolve("metadata"))).isTrue();
    }

    @Test
    void explicitRocksdbPath() {
        Path p = tmp.resolve("elsewhere");
        runner.withPropertyValues("dittofs.metadata.store=rocksdb", "dittofs.metadata.rocksdb.path=" + p).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(Files.isDirectory(p)).isTrue();
        });
    }

    @Test
    void unknownStoreFailsNamingPropertyAndChoices() {
        runner.withPropertyValues("dittofs.metadata.store=mongo").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause()
                    .hasMessageContaining("dittofs.metadata.store")
                    .hasMessageContaining("memory, rocksdb, postgres")
                    .hasMessageContaining("mongo");
        });
    }

    @Test
    void badRootModeFailsNamingProperty() {
        runner.withPropertyValues("dittofs.metadata.store=memory", "dittofs.metadata.share-root.mode=0999").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).hasStackTraceContaining("dittofs.metadata.share-root.mode must be an octal mode");
        });
    }
}
