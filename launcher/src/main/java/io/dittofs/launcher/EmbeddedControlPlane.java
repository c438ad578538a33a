package io.dittofs.launcher;

import io.dittofs.contracts.control.v1.ConfigWatchServiceGrpc;
import io.dittofs.contracts.control.v1.IdentityServiceGrpc;
import io.dittofs.control.ControlPlaneApplication;
import io.dittofs.control.adapters.AdapterService;
import io.dittofs.control.adapters.RunningListeners;
import io.dittofs.gateway.lifecycle.Phases;
import io.grpc.BindableService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * The control plane (REST API, database, bootstrap) started inside the launcher's JVM as its own
 * Spring context. It runs no gRPC server: its watch and identity services are hosted by
 * {@link ServiceHost} on the suite's in-process server with the others. The bound REST port is
 * logged on one line and written to {@code <data-dir>/api.port} so scripts and tests started with
 * port 0 can find it.
 *
 * <p>Its context (Hibernate, Flyway, H2, Tomcat) takes far longer to start than the data path, so
 * it starts on a thread of its own once the stores are open, just before the gateway's shares: when
 * the gateway has a share snapshot from its last run, NFS serves from it while the control plane is
 * still starting ({@code gatewayWaits} false). Without one the gateway needs the control plane
 * first, and so does this bean's start, which then fails start-up if the control plane does.
 */
public final class EmbeddedControlPlane implements SmartLifecycle, AutoCloseable {

    /** The line tests parse: "DITTOFS-API-PORT 8080". */
    public static final String PORT_LINE = "DITTOFS-API-PORT";
    /** Just before the gateway's share registry, after the in-process server is up. */
    public static final int PHASE = Phases.SHARES - 1;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedControlPlane.class);
    /** The dialects the gateway's SMB server negotiates (not configurable). */
    static final String SMB_MIN_DIALECT = "2.0.2";
    static final String SMB_MAX_DIALECT = "3.1.1";

    private final int httpPort;
    private final Path dataDir;
    private final boolean gatewayWaits;
    private final List<String> launcherArgs;
    private final CompletableFuture<ConfigurableApplicationContext> context = new CompletableFuture<>();
    private volatile CompletableFuture<Void> reported = CompletableFuture.completedFuture(null);
    private volatile int port = -1;
    private volatile boolean starting;

    /** Started by the context's lifecycle; {@code gatewayWaits}: the gateway has no snapshot to serve from. */
    public EmbeddedControlPlane(int httpPort, Path dataDir, boolean gatewayWaits, String... launcherArgs) {
        this.httpPort = httpPort;
        this.dataDir = dataDir;
        this.gatewayWaits = gatewayWaits;
        this.launcherArgs = List.of(launcherArgs);
    }

    @Override
    public void start() {
        starting = true;
        Thread.ofPlatform().name("control-plane-start").daemon(true).start(this::startContext);
        if (gatewayWaits) {
            await();
        }
    }

    private void startContext() {
        List<String> args = new ArrayList<>();
        // given twice, Spring would join the values with a comma ("/srv/d,/srv/d")
        launcherArgs.stream().filter(a -> !a.startsWith("--dittofs.data-dir=") && !a.startsWith("--server.port=")
                && !a.startsWith("--spring.flyway.enabled=")).forEach(args::add);
        args.add("--server.port=" + httpPort);
        args.add("--dittofs.data-dir=" + dataDir);
        // the launcher's application.properties switches Flyway off for the other services in this jar
        args.add("--spring.flyway.enabled=true");
        // share roots are created in (and deleted from) the metadata-service hosted beside it
        if (args.stream().noneMatch(a -> a.startsWith("--dittofs.control.namespace.metadata-target="))) {
            args.add("--dittofs.control.namespace.metadata-target=" + DittoFsLauncher.DEFAULT_LISTEN);
        }
        ConfigurableApplicationContext cp;
        try {
            cp = ControlPlaneApplication.startEmbedded(args.toArray(String[]::new));
        } catch (Throwable t) {
            context.completeExceptionally(t);
            return;
        }
        try {
            port = Integer.parseInt(cp.getEnvironment().getProperty("local.server.port", String.valueOf(httpPort)));
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve("api.port"), port + "\n");
        } catch (IOException | RuntimeException e) {
            cp.close();
            context.completeExceptionally(e instanceof IOException io
                    ? new UncheckedIOException("cannot write " + dataDir.resolve("api.port"), io) : e);
            return;
        }
        log.info("{} {}", PORT_LINE, port);
        // not ready until the whole suite is: readiness (/actuator/health/readiness, dfsctl login
        // --wait) turns UP when the launcher reports its listeners through suiteReady
        AvailabilityChangeEvent.publish(cp, ReadinessState.REFUSING_TRAFFIC);
        if (!context.complete(cp)) {
            cp.close(); // closed while starting
        }
    }

    /** Waits until the control plane runs (and what {@link #suiteReady} asked for is done); rethrows its failure. */
    public ConfigurableApplicationContext await() {
        ConfigurableApplicationContext cp = awaitContext();
        try {
            reported.get();
            return cp;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("reporting the suite to the control plane failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the control plane", e);
        }
    }

    private ConfigurableApplicationContext awaitContext() {
        try {
            return context.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("the control plane failed to start: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the control plane", e);
        }
    }

    public boolean isStarted() {
        return context.isDone() && !context.isCompletedExceptionally();
    }

    /**
     * The gateway in this JVM is bound: once the control plane runs, the adapters API shows it,
     * readiness turns UP, and {@code then} runs (on the control plane's start thread, or at once).
     */
    public void suiteReady(String address, int nfsPort, int portmapPort, Runnable then) {
        suiteReady(address, nfsPort, portmapPort, null, null, then);
    }

    /** As above, with the NFS version range the gateway serves (shown by the adapters API). */
    public void suiteReady(String address, int nfsPort, int portmapPort, String minVersion, String maxVersion,
                           Runnable then) {
        suiteReady(address, nfsPort, portmapPort, minVersion, maxVersion, null, then);
    }

    /** As above, and the SMB listener when one runs ({@code smb} null: none). */
    public void suiteReady(String address, int nfsPort, int portmapPort, String minVersion, String maxVersion,
                           RunningListeners.Listening smb, Runnable then) {
        reported = context.thenAccept(cp -> {
            AdapterService adapters = cp.getBean(AdapterService.class);
            adapters.reportListening("nfs", new RunningListeners.Listening(address, nfsPort, portmapPort), minVersion,
                    maxVersion);
            if (smb != null) {
                adapters.reportListening("smb", smb, SMB_MIN_DIALECT, SMB_MAX_DIALECT);
            }
            AvailabilityChangeEvent.publish(cp, ReadinessState.ACCEPTING_TRAFFIC);
            then.run();
        });
    }

    /** The bound REST port, waiting for the control plane if it is still starting. */
    public int port() {
        awaitContext();
        return port;
    }

    /** The services the control plane expects its embedder to host; calls wait until it runs. */
    public List<BindableService> grpcServices() {
        return DeferredServices.of(
                List.of(ConfigWatchServiceGrpc.getServiceDescriptor(), IdentityServiceGrpc.getServiceDescriptor()),
                context.thenApply(cp -> List.of(cp.getBean("configWatchGrpcService", BindableService.class),
                        cp.getBean("identityGrpcService", BindableService.class))));
    }

    @Override
    public void stop() {
        // the context closes in close(), after the in-process server stopped
    }

    @Override
    public boolean isRunning() {
        return starting;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public void close() {
        starting = false;
        if (!context.completeExceptionally(new IllegalStateException("the suite stopped while the control plane was starting"))
                && !context.isCompletedExceptionally()) {
            context.join().close();
        }
    }
}
