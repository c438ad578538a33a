package io.dittofs.control.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compact JWS with HS256 (RFC 7515/7519) for access tokens. Only HS256 is accepted: the header is
 * fixed, so "alg":"none" or algorithm confusion cannot be smuggled in.
 */
public final class JwtCodec {

    private static final String HEADER = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Supplier<byte[]> key;

    public JwtCodec(Supplier<byte[]> key) {
        this.key = key;
    }

    public record Claims(String subject, String sessionId, String role, Instant issuedAt, Instant expiresAt) {
    }

    public String encode(Claims c) {
        Map<String, Object> body = Map.of("sub", c.subject(), "sid", c.sessionId(), "role", c.role(),
                "iat", c.issuedAt().getEpochSecond(), "exp", c.expiresAt().getEpochSecond(), "typ", "access");
        String payload = b64(JSON.writeValueAsBytes(body));
        String signingInput = HEADER + "." + payload;
        return signingInput + "." + b64(mac(signingInput));
    }

    /** The claims of a well-signed, unexpired token; empty for anything else. */
    public Optional<Claims> decode(String token, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(HEADER)) {
            return Optional.empty();
        }
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(signature, mac(parts[0] + "." + parts[1]))) {
            return Optional.empty();
        }
        try {
            Map<?, ?> body = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            if (!"access".equals(body.get("typ")) || !(body.get("exp") instanceof Number exp)
                    || !(body.get("iat") instanceof Number iat)
                    || !(body.get("sub") instanceof String sub) || !(body.get("sid") instanceof String sid)
                    || !(body.get("role") instanceof String role)) {
                return Optional.empty();
            }
            Instant expires = Instant.ofEpochSecond(exp.longValue());
            if (!now.isBefore(expires)) {
                return Optional.empty();
            }
            return Optional.of(new Claims(sub, sid, role, Instant.ofEpochSecond(iat.longValue()), expires));
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
