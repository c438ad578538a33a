package io.dittofs.control.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a Prometheus server read GET /actuator/prometheus with the configured static scrape token
 * (role METRICS, which grants nothing else). Any other bearer token falls through to the JWT filter.
 */
public class ScrapeTokenFilter extends OncePerRequestFilter {

    public static final String ROLE = "METRICS";
    static final String PATH = "/actuator/prometheus";

    private final byte[] token;

    public ScrapeTokenFilter(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !request.getRequestURI().substring(request.getContextPath().length()).equals(PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        boolean matches = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                // constant time: the comparison must not tell how much of a guess was right
                && MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
        if (!matches) {
            chain.doFilter(request, response);
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("prometheus", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
