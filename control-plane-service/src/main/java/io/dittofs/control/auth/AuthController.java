package io.dittofs.control.auth;

import io.dittofs.control.auth.AuthDtos.LoginRequest;
import io.dittofs.control.auth.AuthDtos.Me;
import io.dittofs.control.auth.AuthDtos.RefreshRequest;
import io.dittofs.control.auth.AuthDtos.TokenResponse;
import jakarta.validation.Valid;
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

    public AuthController(AuthService auth) {
        this.auth = auth;
    }

    @PostMapping("/login")
    public TokenResponse login(@Valid @RequestBody LoginRequest req) {
        return auth.login(req.username(), req.password());
    }

    @PostMapping("/refresh")
    public TokenResponse refresh(@Valid @RequestBody RefreshRequest req) {
        return auth.refresh(req.refreshToken());
    }

    /** Revokes the session: its refresh token and every access token issued for it. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logout(@AuthenticationPrincipal Caller caller) {
        auth.logout(caller.sessionId());
    }

    @GetMapping("/me")
    public Me me(@AuthenticationPrincipal Caller caller) {
        return new Me(caller.name(), caller.role().name(), caller.source(), caller.mustChangePassword());
    }
}
