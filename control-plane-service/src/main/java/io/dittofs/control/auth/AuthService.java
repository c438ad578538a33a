package io.dittofs.control.auth;

import io.dittofs.control.api.ApiException;
import io.dittofs.control.auth.AuthDtos.TokenResponse;
import io.dittofs.control.idp.DirectoryUnavailableException;
import io.dittofs.control.idp.DirectoryUser;
import io.dittofs.control.idp.IdentityResolver;
import io.dittofs.control.idp.LdapDirectory;
import io.dittofs.control.idp.LdapSettings;
import io.dittofs.control.users.Passwords;
import io.dittofs.control.users.Role;
import io.dittofs.control.users.UserEntity;
import io.dittofs.control.users.UserRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login, refresh, logout and per-request token checks. Local users are checked against their
 * bcrypt hash; unknown names go to the LDAP directory, when one is configured. Every access token
 * names a session row, so logout, user deletion or disabling revokes it at once.
 */
public class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final SessionRepository sessions;
    private final IdentityResolver identities;
    private final JwtCodec jwt;
    private final Clock clock;
    private final Duration accessTtl;
    private final Duration refreshTtl;

    public AuthService(UserRepository users, SessionRepository sessions, IdentityResolver identities, JwtCodec jwt,
                       Clock clock, Duration accessTtl, Duration refreshTtl) {
        this.users = users;
        this.sessions = sessions;
        this.identities = identities;
        this.jwt = jwt;
        this.clock = clock;
        this.accessTtl = accessTtl;
        this.refreshTtl = refreshTtl;
    }

    @Transactional
    public TokenResponse login(String name, String password) {
        Optional<UserEntity> local = users.findByName(name);
        if (local.isPresent()) {
            UserEntity u = local.get();
            if (!u.isEnabled() || !Passwords.matches(password, u.getPasswordHash())) {
                throw badCredentials();
            }
            return open(u.getName(), "local", u.getRole(), u.isMustChangePassword());
        }
        Optional<LdapSettings> ldap = identities.ldapSettings();
        if (ldap.isEmpty()) {
            throw badCredentials();
        }
        try {
            LdapDirectory directory = new LdapDirectory(ldap.get());
            if (!directory.authenticate(name, password)) {
                throw badCredentials();
            }
            DirectoryUser du = directory.user(ldap.get().nameAttr(), name).orElseThrow(AuthService::badCredentials);
            String adminGroup = ldap.get().adminGroup();
            Role role = adminGroup != null && du.groupNames().contains(adminGroup) ? Role.ADMIN : Role.USER;
            return open(du.name(), "ldap:" + role.name(), role, false);
        } catch (DirectoryUnavailableException e) {
            log.warn("LDAP login for {} failed: {}", name, e.getMessage());
            throw new ApiException(HttpStatus.BAD_GATEWAY, "directory-unavailable", "the identity provider did not answer", null);
        }
    }

    @Transactional
    public TokenResponse refresh(String refreshToken) {
        SessionEntity s = sessions.findByRefreshTokenHash(hash(refreshToken))
                .filter(x -> x.getExpiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "invalid-token", "the refresh token is invalid, expired or revoked", "refreshToken"));
        Caller c = caller(s).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "invalid-token", "the session's user no longer exists", "refreshToken"));
        String refresh = randomToken();
        s.rotate(hash(refresh), clock.instant().plus(refreshTtl));
        return tokens(c.name(), s.getId(), c.role(), refresh, c.mustChangePassword());
    }

    @Transactional
    public void logout(String sessionId) {
        sessions.deleteById(sessionId);
    }

    /** The caller named by a valid access token whose session and user still exist. */
    @Transactional(readOnly = true)
    public Optional<Caller> authenticate(String accessToken) {
        Instant now = clock.instant();
        return jwt.decode(accessToken, now)
                .flatMap(claims -> sessions.findById(claims.sessionId())
                        .filter(s -> s.getUserName().equals(claims.subject()) && s.getExpiresAt().isAfter(now))
                        .flatMap(this::caller));
    }

    private Optional<Caller> caller(SessionEntity s) {
        if (s.getSource().equals("local")) {
            return users.findByName(s.getUserName()).filter(UserEntity::isEnabled)
                    .map(u -> new Caller(u.getName(), u.getRole(), s.getId(), "local", u.isMustChangePassword()));
        }
        try {
            Role role = Role.valueOf(s.getSource().substring("ldap:".length()));
            return identities.userByName(s.getUserName()).filter(u -> u.source().equals("ldap"))
                    .map(u -> new Caller(u.name(), role, s.getId(), "ldap", false));
        } catch (DirectoryUnavailableException e) {
            log.warn("cannot re-check LDAP user {}: {}", s.getUserName(), e.getMessage());
            return Optional.empty();
        }
    }

    private TokenResponse open(String name, String source, Role role, boolean mustChange) {
        String refresh = randomToken();
        Instant now = clock.instant();
        SessionEntity s = sessions.save(new SessionEntity(UUID.randomUUID().toString(), name, source, hash(refresh), now,
                now.plus(refreshTtl)));
        return tokens(name, s.getId(), role, refresh, mustChange);
    }

    private TokenResponse tokens(String name, String sessionId, Role role, String refresh, boolean mustChange) {
        Instant now = clock.instant();
        String access = jwt.encode(new JwtCodec.Claims(name, sessionId, role.name(), now, now.plus(accessTtl)));
        return new TokenResponse(access, refresh, "Bearer", accessTtl.toSeconds(), mustChange);
    }

    private static ApiException badCredentials() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "bad-credentials", "unknown user or wrong password", null);
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Refresh tokens are stored hashed: a database dump does not hand out sessions. */
    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
