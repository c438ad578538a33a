package io.dittofs.gateway.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code dittofs.nfs.*} rules that involve two properties, as a jakarta constraint on the
 * whole record so they are reported like every other invalid value (naming both properties).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentNfsLimits.Check.class)
public @interface ConsistentNfsLimits {

    String message() default "inconsistent dittofs.nfs limits";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<ConsistentNfsLimits, NfsProperties> {

        @Override
        public boolean isValid(NfsProperties p, ConstraintValidatorContext ctx) {
            boolean ok = true;
            ctx.disableDefaultConstraintViolation();
            if (p.reservedConnections() >= p.maxConnections()) {
                ctx.buildConstraintViolationWithTemplate("dittofs.nfs.reserved-connections=" + p.reservedConnections()
                        + " must be below dittofs.nfs.max-connections=" + p.maxConnections()
                        + "; lower it (e.g. 64) or raise max-connections").addConstraintViolation();
                ok = false;
            }
            if (p.maxBufferedBytes() < p.maxRecordBytes()) {
                ctx.buildConstraintViolationWithTemplate("dittofs.nfs.max-buffered-bytes=" + p.maxBufferedBytes()
                        + " must be at least dittofs.nfs.max-record-bytes=" + p.maxRecordBytes()
                        + "; raise it (default 268435456)").addConstraintViolation();
                ok = false;
            }
            if (p.minVersion() != null && p.maxVersion() != null
                    && p.minVersion().matches(NfsVersionRange.PATTERN) && p.maxVersion().matches(NfsVersionRange.PATTERN)
                    && NfsVersionRange.code(p.minVersion()) > NfsVersionRange.code(p.maxVersion())) {
                ctx.buildConstraintViolationWithTemplate("dittofs.nfs.min-version=" + p.minVersion()
                        + " must not be above dittofs.nfs.max-version=" + p.maxVersion()
                        + "; e.g. min-version=3 max-version=4.2").addConstraintViolation();
                ok = false;
            }
            return ok;
        }
    }
}
