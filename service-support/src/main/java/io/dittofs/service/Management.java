package io.dittofs.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The management HTTP server of a standalone service: Spring Boot actuator's health (with
 * liveness and readiness groups), info and prometheus endpoints on {@code dittofs.management.port}
 * (env DITTOFS_MANAGEMENT_PORT), bound to {@code dittofs.management.address} (default 127.0.0.1).
 * Unset, the service runs without a web server, as before.
 */
public final class Management {

    public static final String PORT_PROPERTY = "dittofs.management.port";
    public static final String PORT_ENV = "DITTOFS_MANAGEMENT_PORT";

    /**
     * Readiness: the service's own state plus the stores and downstream services it needs; members
     * a service lacks are skipped (group membership is not validated), liveness is the process only.
     */
    static final List<String> DEFAULTS = List.of(
            "management.endpoints.web.exposure.include=health,info,prometheus",
            "management.endpoint.health.probes.enabled=true",
            "management.endpoint.health.show-details=always",
            "management.endpoint.health.validate-group-membership=false",
            "management.endpoint.health.group.readiness.include=readinessState,metadataStore,blockStores,lockStore,"
                    + "gatewayListeners,metadataService,blockService",
            "management.info.env.enabled=true",
            "server.address=${dittofs.management.address:127.0.0.1}",
            "server.port=${dittofs.management.port:0}");

    private Management() {
    }

    /** SERVLET when a management port is asked for (validated), NONE otherwise. */
    public static org.springframework.boot.WebApplicationType webType(String[] args) {
        return requestedPort(args, System.getenv()).map(Management::port).isPresent()
                ? org.springframework.boot.WebApplicationType.SERVLET : org.springframework.boot.WebApplicationType.NONE;
    }

    /**
     * For a context whose application.properties configures {@code server.*} for another web server
     * (the launcher's, for its embedded control plane): binds this context's web server to the
     * management address and port, above every other property source.
     */
    public static void bindManagementServer(org.springframework.context.ConfigurableApplicationContext ctx) {
        ctx.getEnvironment().getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource(
                "dittofs-management-server", Map.of(
                        "server.address", "${dittofs.management.address:127.0.0.1}",
                        "server.port", "${dittofs.management.port:0}")));
    }

    /** Where the management server listens, for the start-up log line; empty without one. */
    public static String describe(org.springframework.core.env.Environment env) {
        String port = env.getProperty("local.server.port");
        return port == null ? "" : "; management on " + env.getProperty("dittofs.management.address", "127.0.0.1") + ":" + port;
    }

    /** Default properties of a service named {@code name}: endpoint exposure, probes, bind address. */
    public static String[] defaults(String name) {
        java.util.List<String> all = new java.util.ArrayList<>(DEFAULTS);
        all.add("info.service.name=" + name);
        return all.toArray(String[]::new);
    }

    /** The management port asked for on the command line, in system properties or the environment. */
    static Optional<String> requestedPort(String[] args, Map<String, String> env) {
        for (String a : args) {
            if (a.startsWith("--" + PORT_PROPERTY + "=")) {
                return Optional.of(a.substring(PORT_PROPERTY.length() + 3));
            }
        }
        String sys = System.getProperty("dittofs.management.port");
        if (sys != null) {
            return Optional.of(sys);
        }
        return Optional.ofNullable(env.get(PORT_ENV)).filter(v -> !v.isBlank());
    }

    /** Fails with the property and the fix when the port is not a TCP port. */
    static int port(String value) {
        try {
            int p = Integer.parseInt(value.trim());
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below with the property name
        }
        throw new IllegalArgumentException(PORT_PROPERTY + "=" + value + " is not a TCP port; set "
                + PORT_PROPERTY + " (env " + PORT_ENV + ") to 0-65535 (0 = any free port) or leave it unset");
    }
}
