package io.dittofs.gateway.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dittofs.nlm.*}: the network lock manager (NLM v1/v3/v4) and status monitor (NSM) served on
 * the NFS port.
 *
 * @param enabled             false leaves NLM and NSM unregistered (clients must then mount with nolock)
 * @param callbackPortmapPort where clients' portmappers listen, to find their NLM service for GRANTED
 *                            callbacks (111 on every real client; tests use their own)
 */
@Validated
@ConfigurationProperties(prefix = "dittofs.nlm")
public record NlmProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("111") @Min(value = 1, message = "must be a port 1..65535; set dittofs.nlm.callback-portmap-port")
        @Max(value = 65535, message = "must be a port 1..65535; set dittofs.nlm.callback-portmap-port")
        int callbackPortmapPort) {
}
