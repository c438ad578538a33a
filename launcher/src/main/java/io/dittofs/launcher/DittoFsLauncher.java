package io.dittofs.launcher;

import io.dittofs.block.config.BlockServiceConfiguration;
import io.dittofs.gateway.config.GatewayConfiguration;
import io.dittofs.lock.config.LockServiceConfiguration;
import io.dittofs.metadata.config.MetadataServiceConfiguration;
import io.dittofs.gateway.config.NfsListeners;
import io.dittofs.gateway.share.ShareSnapshotFile;
import io.dittofs.launcher.startup.BuildInfo;
import io.dittofs.launcher.startup.FailureExplainer;
import io.dittofs.launcher.startup.LauncherOptions;
import io.dittofs.launcher.startup.StartupChecks;
import io.dittofs.block.health.BlockHealthConfiguration;
import io.dittofs.gateway.health.GatewayHealthConfiguration;
import io.dittofs.lock.health.LockHealthConfiguration;
import io.dittofs.metadata.health.MetadataHealthConfiguration;
import io.dittofs.service.Management;
import io.dittofs.service.StandaloneServer;
import io.dittofs.service.Telemetry;
import io.grpc.BindableService;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The whole suite in one JVM, the embedded default: RocksDB metadata and locks, filesystem blocks under
 * {@code dittofs.data-dir} (env DITTOFS_DATA_DIR, default ./data), every service on one in-process
 * gRPC server, NFS on {@code dittofs.nfs.port}. SIGTERM stops the listeners, then the services,
 * then flushes and closes the stores.
 */
@SpringBootConfiguration
// auto-configuration for the meter registry and, with dittofs.management.port, the actuator web
// server; StandaloneServer.NO_DATABASE (set in start) keeps the control plane's database and
// security, which live in the control plane's own context, out of this one
@EnableAutoConfiguration
@Import({
        MetadataServiceConfiguration.class,
        BlockServiceConfiguration.class,
        LockServiceConfiguration.class,
        GatewayConfiguration.class,
        MetadataHealthConfiguration.class,
        BlockHealthConfiguration.class,
        LockHealthConfiguration.class,
        GatewayHealthConfiguration.class,
})
public class DittoFsLauncher {

    private static final List<String> SPRING_FAILURE_LOGGERS = List.of(
            "logging.level.org.springframework.boot.SpringApplication",
            "logging.level.org.springframework.boot.autoconfigure.logging.ConditionEvaluationReportLogger",
            // their WARN "Exception encountered during context initialization" repeats the whole cause chain
            "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext",
            "logging.level.org.springframework.boot.web.server.servlet.context");

    /** Where every service is hosted; the gateway's targets default to the same name. */
    public static final String DEFAULT_LISTEN = "in-process:dittofs";

    /** Hosts this context's services and the embedded control plane's (it stops before the latter closes). */
    @Bean
    public ServiceHost dittofsServiceHost(Environment env, ObjectProvider<BindableService> services,
                                          ObjectProvider<EmbeddedControlPlane> controlPlane,
                                          ObjectProvider<MeterRegistry> registry) {
        List<BindableService> all = new ArrayList<>(services.orderedStream().toList());
        controlPlane.ifAvailable(cp -> all.addAll(cp.grpcServices()));
        return new ServiceHost(env.getProperty("dittofs.launcher.grpc.listen", DEFAULT_LISTEN), all,
                Telemetry.grpc(env, registry));
    }

    /**
     * The control plane in this JVM (off with dittofs.control.enabled=false): REST on
     * dittofs.control.http-port (env DITTOFS_API_PORT, 8080; 0 = any free port, see api.port).
     * It starts in the background when the gateway can serve from its share snapshot meanwhile.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "dittofs.control.enabled", havingValue = "true", matchIfMissing = true)
    public EmbeddedControlPlane dittofsControlPlane(Environment env, ApplicationArguments args) {
        int port = env.getProperty("dittofs.control.http-port", Integer.class, 8080);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("dittofs.control.http-port=" + port
                    + " is not a TCP port; set dittofs.control.http-port (env DITTOFS_API_PORT) to 0-65535");
        }
        String snapshot = env.getProperty("dittofs.gateway.share-snapshot", "");
        boolean gatewayWaits;
        try (ShareSnapshotFile file = new ShareSnapshotFile(Path.of(snapshot))) {
            gatewayWaits = snapshot.isBlank() || file.load().isEmpty();
        }
        return new EmbeddedControlPlane(port, Path.of(env.getProperty("dittofs.data-dir", "./data")), gatewayWaits,
                args.getSourceArgs());
    }

    @Bean
    SuiteReady dittofsSuiteReady(Environment env, ObjectProvider<NfsListeners> nfs,
                                 ObjectProvider<EmbeddedControlPlane> controlPlane) {
        return new SuiteReady(env, nfs, controlPlane);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return start(new StartupChecks(), args);
    }

    /**
     * Starts the suite; {@code checks} prepares the data dir and refuses taken ports first. Returns
     * once everything runs, the control plane included (NFS may have served for a while by then).
     */
    static ConfigurableApplicationContext start(StartupChecks checks, String... args) {
        // a default property, not application.properties: services started alone from this jar
        // (-Dloader.main) read that file too and have no in-process control plane
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(DittoFsLauncher.class).web(Management.webType(args))
                .properties(StandaloneServer.NO_DATABASE)
                .properties(Management.defaults("dittofs"))
                // the control plane's API docs belong to its own port, not to the management port
                .properties("springdoc.api-docs.enabled=false", "springdoc.swagger-ui.enabled=false")
                // application.properties sets server.* for the control plane; this context's web server is the management one
                .initializers(Management::bindManagementServer)
                .properties("dittofs.gateway.control-target=" + DEFAULT_LISTEN,
                        // the gateway follows the embedded control plane only while it runs
                        "dittofs.gateway.follow-control-plane=${dittofs.control.enabled:true}",
                        "dittofs.gateway.share-snapshot=${dittofs.data-dir:./data}/gateway/shares.snapshot",
                        "dittofs.metadata.content.block-target=" + DEFAULT_LISTEN)
                .listeners(checks)
                .registerShutdownHook(true).run(args);
        try {
            ctx.getBeanProvider(EmbeddedControlPlane.class).ifAvailable(EmbeddedControlPlane::await);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
        String management = Management.describe(ctx.getEnvironment());
        if (!management.isEmpty()) {
            LoggerFactory.getLogger(DittoFsLauncher.class).info("actuator health, info and prometheus{}", management);
        }
        return ctx;
    }

    /** Exit status 1: start-up failed; 2: usage error (see --help). */
    public static void main(String[] args) {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dittofs: " + e.getMessage());
            System.exit(2);
            return;
        }
        switch (options.action()) {
            case VERSION -> System.out.println(BuildInfo.line());
            case HELP -> System.out.print(LauncherOptions.HELP);
            case RUN -> run(options.springArgs().toArray(String[]::new));
        }
    }

    private static void run(String[] args) {
        // the launcher reports failures itself, on one line; Spring would add its own block (twice
        // when the embedded control plane fails) with the whole stack trace
        for (String logger : SPRING_FAILURE_LOGGERS) {
            if (System.getProperty(logger) == null) {
                System.setProperty(logger, logger.endsWith("Context") || logger.endsWith("context") ? "ERROR" : "OFF");
            }
        }
        StartupChecks checks = new StartupChecks();
        try {
            start(checks, args);
        } catch (Throwable t) {
            String explained = FailureExplainer.explain(t, checks.environment()).orElse(null);
            if (explained == null) {
                System.err.println("dittofs: start-up failed:");
                t.printStackTrace();
            } else {
                System.err.println("dittofs: cannot start: " + explained.replace("\n", "\ndittofs: cannot start: "));
            }
            // a listener that failed half-way may leave a non-daemon thread behind: exit regardless
            System.exit(1);
        }
    }

    static List<Class<?>> configurations() {
        return List.of(MetadataServiceConfiguration.class, BlockServiceConfiguration.class,
                LockServiceConfiguration.class, GatewayConfiguration.class);
    }
}
