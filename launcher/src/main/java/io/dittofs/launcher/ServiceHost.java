package io.dittofs.launcher;

import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.grpc.GrpcTelemetry;
import io.dittofs.gateway.config.NfsListeners;
import io.grpc.BindableService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hosts every service bean of the context on one gRPC server (in-process by default). Starts
 * before the gateway's listeners and stops after them, so no NFS call reaches a stopped service;
 * the stores close after both, when the context destroys its beans.
 */
public final class ServiceHost implements SmartLifecycle {

    public static final int PHASE = NfsListeners.PHASE - 1000;
    private static final Logger log = LoggerFactory.getLogger(ServiceHost.class);

    private final String listen;
    private final List<BindableService> services;
    private final GrpcTelemetry telemetry;
    private volatile GrpcServerHost host;

    public ServiceHost(String listen, List<BindableService> services, GrpcTelemetry telemetry) {
        this.listen = listen;
        this.services = List.copyOf(services);
        this.telemetry = telemetry;
    }

    @Override
    public void start() {
        host = GrpcServerHost.start(listen, services, telemetry);
        log.info("hosting {} gRPC service(s) on {}", services.size(), listen);
    }

    @Override
    public void stop() {
        GrpcServerHost h = host;
        host = null;
        if (h != null) {
            h.close();
        }
    }

    @Override
    public boolean isRunning() {
        return host != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
