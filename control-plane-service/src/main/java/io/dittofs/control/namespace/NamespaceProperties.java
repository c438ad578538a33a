package io.dittofs.control.namespace;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dittofs.control.namespace.*}: the metadata-service in which the control plane creates
 * and deletes share namespaces.
 *
 * @param metadataTarget  {@code HOST:PORT} or {@code in-process:NAME}; blank = none (shares then
 *                        exist only as configuration, for tests of the API alone)
 * @param reconcileInterval how often shares whose root could not be created yet are retried
 */
@ConfigurationProperties("dittofs.control.namespace")
public record NamespaceProperties(@DefaultValue("") String metadataTarget,
                                  @DefaultValue("2s") Duration reconcileInterval) {

    public NamespaceProperties {
        if (reconcileInterval.isNegative() || reconcileInterval.isZero()) {
            throw new IllegalArgumentException("dittofs.control.namespace.reconcile-interval must be positive (got "
                    + reconcileInterval + ")");
        }
    }
}
