package io.dittofs.control.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JWT HMAC key: {@code dittofs.control.jwt.secret} when set (at least 32 bytes), otherwise a
 * random key generated once and kept in the database, so tokens survive a restart and every
 * control-plane instance on the same database agrees.
 */
public final class SigningKey implements Supplier<byte[]> {

    private static final String NAME = "jwt-hmac-sha256";

    private final String configured;
    private final SecretRepository secrets;
    private final TransactionTemplate tx;
    private volatile byte[] key;

    public SigningKey(String configured, SecretRepository secrets, TransactionTemplate tx) {
        if (configured != null && !configured.isEmpty() && configured.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("dittofs.control.jwt.secret must be at least 32 bytes");
        }
        this.configured = configured;
        this.secrets = secrets;
        this.tx = tx;
    }

    @Override
    public byte[] get() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                k = key;
            }
        }
        return k.clone();
    }

    private byte[] load() {
        if (configured != null && !configured.isEmpty()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        return tx.execute(s -> secrets.findById(NAME).map(SecretEntity::getValue).orElseGet(() -> {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            secrets.saveAndFlush(new SecretEntity(NAME, fresh));
            return fresh;
        }));
    }
}
