package io.dittofs.control.config;

import io.dittofs.control.audit.AuditFilter;
import io.dittofs.control.audit.AuditLog;
import io.dittofs.control.auth.AuthService;
import io.dittofs.control.auth.ScrapeTokenFilter;
import io.dittofs.control.auth.JwtAuthenticationFilter;
import io.dittofs.control.auth.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Stateless JWT security for the admin API; problem+json for 401 and 403. Management endpoints
 * stay on the API port but need an admin token, except health (liveness/readiness, no details)
 * and /actuator/prometheus with the optional scrape token.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    public SecurityFilterChain controlPlaneSecurity(HttpSecurity http, AuthService auth, AuditLog audit,
                                                    ControlPlaneProperties props) throws Exception {
        JwtAuthenticationFilter jwt = new JwtAuthenticationFilter(auth);
        if (props.management().scrapeToken() != null) {
            http.addFilterBefore(new ScrapeTokenFilter(props.management().scrapeToken()), AnonymousAuthenticationFilter.class);
        }
        http.csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(jwt, AnonymousAuthenticationFilter.class)
                // before the exception translation, so refused changes (401/403) are audited too
                .addFilterBefore(new AuditFilter(audit), ExceptionTranslationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> ProblemWriter.write(res, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", "log in first: POST /api/v1/auth/login, then send Authorization: Bearer <token>", null))
                        .accessDeniedHandler((req, res, ex) -> ProblemWriter.write(res, HttpStatus.FORBIDDEN,
                                "forbidden", "this needs the admin role", null)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/login", "/api/v1/auth/refresh").permitAll()
                        // health (without details) is for load balancers and dfsctl login --wait; every
                        // other management endpoint tells an attacker too much (versions, metrics)
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole("ADMIN", ScrapeTokenFilter.ROLE)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/v1/auth/**", "/api/v1/status").authenticated()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/users/*/password").authenticated()
                        .requestMatchers("/api/v1/**", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().denyAll());
        return http.build();
    }

    /** Authentication happens in the JWT filter; this also keeps Boot from creating a default user. */
    @Bean
    public AuthenticationManager controlPlaneAuthenticationManager() {
        return authentication -> {
            throw new BadCredentialsException("the admin API authenticates bearer tokens only");
        };
    }
}
