package io.dittofs.control.auth;

import io.dittofs.control.auth.AuthDtos.LoginRequest;
import io.dittofs.control.auth.AuthDtos.Me;
import io.dittofs.control.auth.AuthDtos.RefreshRequest;
import io.dittofs.control.auth.AuthDtos.TokenResponse;
import io.dittofs.control.api.ApiException;
import io.dittofs.control.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

    private final AuthService auth;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public AuthController(AuthService auth, LoginThrottle throttle, AuditLog audit) {
        this.auth = auth;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** Throttled per user name and source address (LoginThrottle); every outcome is audited. */
    @PostMapping("/login")
    public TokenResponse login(@Valid @RequestBody LoginRequest req, HttpServletRequest http) {
        String source = http.getRemoteAddr();
        Optional<Duration> wait = throttle.blocked(req.username(), source);
        if (wait.isPresent()) {
            TooManyAttemptsException refused = new TooManyAttemptsException(wait.get());
            audit.loginThrottled(req.username(), source, refused.retryAfterSeconds());
            throw refused;
        }
        try {
            TokenResponse tokens = auth.login(req.username(), req.password());
            throttle.succeeded(req.username());
            audit.loginSucceeded(req.username(), source);
            return tokens;
        } catch (ApiException e) {
            if (e.status() == HttpStatus.UNAUTHORIZED) {
                Duration block = throttle.failed(req.username(), source);
                audit.loginFailed(req.username(), source, block.toSeconds());
            }
            throw e;
        }
    }

    @PostMapping("/refresh")
    public TokenResponse refresh(@Valid @RequestBody RefreshRequest req) {
        return auth.refresh(req.refreshToken());
    }

    /** Revokes the session: its refresh token and every access token issued for it. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logout(@AuthenticationPrincipal Caller caller, HttpServletRequest http) {
        auth.logout(caller.sessionId());
        audit.logout(caller.name(), http.getRemoteAddr());
    }

    @GetMapping("/me")
    public Me me(@AuthenticationPrincipal Caller caller) {
        return new Me(caller.name(), caller.role().name(), caller.source(), caller.mustChangePassword());
    }
}
