package io.dittofs.control.auth;

import io.dittofs.control.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates "Authorization: Bearer" access tokens. A present but invalid token is refused
 * here with 401 (rather than treated as anonymous). A user whose password must change is held
 * to the endpoints that let it do so.
 */
public class JwtAuthenticationFilter extends OncePerRequestFilter {

    private final AuthService auth;

    public JwtAuthenticationFilter(AuthService auth) {
        this.auth = auth;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)
                || SecurityContextHolder.getContext().getAuthentication() != null) {
            // no token, or one an earlier filter accepted (ScrapeTokenFilter)
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = auth.authenticate(header.substring(7).trim());
        if (caller.isEmpty()) {
            ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, "invalid-token",
                    "the access token is invalid, expired or revoked", null);
            return;
        }
        Caller c = caller.get();
        if (c.mustChangePassword() && !mayUseBeforePasswordChange(request, c)) {
            ProblemWriter.write(response, HttpStatus.FORBIDDEN, Problems.PASSWORD_CHANGE_REQUIRED,
                    "change the initial password first: PUT /api/v1/users/" + c.name() + "/password", null);
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(c, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + c.role().name())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static boolean mayUseBeforePasswordChange(HttpServletRequest request, Caller c) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/v1/auth/") || path.equals("/api/v1/users/" + c.name() + "/password");
    }
}
