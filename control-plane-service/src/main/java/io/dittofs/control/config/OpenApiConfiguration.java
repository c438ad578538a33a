package io.dittofs.control.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header. A fixed relative server keeps the committed spec independent of the port. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    public OpenAPI controlPlaneOpenApi() {
        return new OpenAPI()
                .info(new Info().title("DittoFS admin API").version("v1")
                        .description("Users, groups, shares, stores, adapters and identity provider of a DittoFS suite. "
                                + "Log in with POST /api/v1/auth/login and send the access token as 'Authorization: Bearer'. "
                                + "Errors are RFC 7807 application/problem+json with a 'field' member naming the bad input.")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .security(List.of(new SecurityRequirement().addList("bearer")));
    }
}
