package io.dittofs.launcher;

import io.dittofs.control.ControlPlaneApplication;
import io.dittofs.control.adapters.AdapterService;
import io.dittofs.control.adapters.RunningListeners;
import io.grpc.BindableService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The control plane (REST API, database, bootstrap) started inside the launcher's JVM as its own
 * Spring context. It runs no gRPC server: its watch and identity services are hosted by
 * {@link ServiceHost} on the suite's in-process server with the others. The bound REST port is
 * logged on one line and written to {@code <data-dir>/api.port} so scripts and tests started with
 * port 0 can find it.
 */
public final class EmbeddedControlPlane implements AutoCloseable {

    /** The line tests parse: "DITTOFS-API-PORT 8080". */
    public static final String PORT_LINE = "DITTOFS-API-PORT";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedControlPlane.class);

    private final ConfigurableApplicationContext context;
    private final int port;

    private EmbeddedControlPlane(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /** Starts it with the launcher's own arguments plus the REST port and the shared data dir. */
    public static EmbeddedControlPlane start(int httpPort, Path dataDir, String... launcherArgs) {
        List<String> args = new ArrayList<>(List.of(launcherArgs));
        args.add("--server.port=" + httpPort);
        args.add("--dittofs.data-dir=" + dataDir);
        // the launcher's application.properties switches Flyway off for the other services in this jar
        args.add("--spring.flyway.enabled=true");
        // share roots are created in (and deleted from) the metadata-service hosted beside it
        if (args.stream().noneMatch(a -> a.startsWith("--dittofs.control.namespace.metadata-target="))) {
            args.add("--dittofs.control.namespace.metadata-target=" + DittoFsLauncher.DEFAULT_LISTEN);
        }
        ConfigurableApplicationContext cp = ControlPlaneApplication.startEmbedded(args.toArray(String[]::new));
        int bound = Integer.parseInt(cp.getEnvironment().getProperty("local.server.port", String.valueOf(httpPort)));
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve("api.port"), bound + "\n");
        } catch (IOException e) {
            cp.close();
            throw new UncheckedIOException("cannot write " + dataDir.resolve("api.port"), e);
        }
        log.info("{} {}", PORT_LINE, bound);
        // not ready until the whole suite is: readiness (/actuator/health/readiness, dfsctl login
        // --wait) turns UP when the launcher reports its listeners through suiteReady
        AvailabilityChangeEvent.publish(cp, ReadinessState.REFUSING_TRAFFIC);
        return new EmbeddedControlPlane(cp, bound);
    }

    /** The gateway in this JVM is bound: the adapters API shows it, and readiness turns UP. */
    public void suiteReady(String address, int nfsPort, int portmapPort) {
        context.getBean(AdapterService.class).reportListening("nfs",
                new RunningListeners.Listening(address, nfsPort, portmapPort));
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    public int port() {
        return port;
    }

    /** The beans the control plane expects its embedder to host. */
    public List<BindableService> grpcServices() {
        return List.of(context.getBean("configWatchGrpcService", BindableService.class),
                context.getBean("identityGrpcService", BindableService.class));
    }

    @Override
    public void close() {
        context.close();
    }
}
