package io.dittofs.service;

import io.dittofs.contracts.grpc.GrpcServerHost;
import io.grpc.BindableService;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A DittoFS service run on its own: a Spring context whose BindableService beans are hosted on
 * the address in a listen property; with {@link Management#PORT_PROPERTY} set it also serves the
 * actuator endpoints on that port (otherwise there is no web server). Closing it stops the gRPC server first,
 * then the context (so stores flush and close after the last call).
 */
public record StandaloneServer(ConfigurableApplicationContext context, GrpcServerHost server) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandaloneServer.class);

    /**
     * The launcher jar also carries the control plane's JPA, Flyway, H2 and Spring Security: a data
     * service started from it must not boot an unused database (tens of seconds of Hibernate on a
     * busy machine), and its management port must not be put behind a generated password (the
     * control plane's security guards the control plane's own context only). Stores that use SQL
     * open their own pools.
     */
    public static final String NO_DATABASE = "spring.autoconfigure.exclude="
            + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
            + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.rsocket.RSocketSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration";

    /**
     * @param name            for logs, e.g. "metadata-service"
     * @param listenProperty  e.g. "dittofs.metadata.grpc.listen"
     * @param defaultListen   e.g. "127.0.0.1:7101"
     */
    public static StandaloneServer start(Class<?> application, String name, String listenProperty,
                                         String defaultListen, String... args) {
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application)
                .web(Management.webType(args))
                .properties(NO_DATABASE)
                .properties(Management.defaults(name))
                // our own hook closes the server before the context; Spring's would race it
                .registerShutdownHook(false)
                .run(args);
        try {
            String listen = ctx.getEnvironment().getProperty(listenProperty, defaultListen);
            List<BindableService> services = List.copyOf(ctx.getBeansOfType(BindableService.class).values());
            GrpcServerHost host = GrpcServerHost.start(listen, services,
                    Telemetry.grpc(ctx.getEnvironment(), ctx.getBeanProvider(MeterRegistry.class)));
            log.info("{} listening on {} (port {}) with {} service(s){}", name, listen, host.port(), services.size(),
                    Management.describe(ctx.getEnvironment()));
            return new StandaloneServer(ctx, host);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /** Blocks until SIGTERM / SIGINT, then closes the server and the context. */
    public void awaitShutdown(String name) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            stopped.countDown();
        }, name + "-shutdown"));
        stopped.await();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            context.close();
        }
    }
}
