package io.dittofs.control.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's header, and the error responses every operation may give, each with the
 * problem+json schema. A fixed relative server keeps the committed spec independent of the port.
 */
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

    static final String PROBLEM = "Problem";

    /** Errors are documented once per operation by status, all with the Problem schema. */
    @Bean
    public OpenApiCustomizer controlPlaneProblemResponses() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                boolean open = path.equals("/api/v1/auth/login") || path.equals("/api/v1/auth/refresh");
                boolean body = op.getRequestBody() != null;
                add(op, "400", "Malformed request or invalid field (the 'field' member names it)");
                add(op, "401", open ? "Wrong user name or password, or an invalid refresh token" : "Not logged in or the token expired");
                if (path.equals("/api/v1/auth/login")) {
                    add(op, "429", "Too many failed logins for this user or from this address; retry after Retry-After seconds");
                    op.getResponses().get("429").addHeaderObject("Retry-After", new io.swagger.v3.oas.models.headers.Header()
                            .description("Seconds until a login may be tried again").schema(new io.swagger.v3.oas.models.media.IntegerSchema()));
                }
                if (!open) {
                    add(op, "403", "Needs the admin role, or the password must be changed first");
                }
                if (path.contains("{")) {
                    add(op, "404", "The named object does not exist");
                }
                if (body) {
                    add(op, "409", "Conflicts with existing data (e.g. the name is taken)");
                    add(op, "413", "Request body larger than dittofs.control.max-request-bytes (1 MiB)");
                    add(op, "415", "Content-Type is not application/json");
                    add(op, "422", "A referenced object does not exist or a value is not allowed");
                }
            }));
        };
    }

    private static void add(Operation op, String status, String description) {
        if (op.getResponses() == null) {
            op.setResponses(new ApiResponses());
        }
        op.getResponses().computeIfAbsent(status, s -> new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<Object>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static Schema<?> problemSchema() {
        Schema<Object> error = new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details; every error of this API has this form")
                .addProperty("type", new StringSchema().format("uri").example("https://dittofs.io/problems/invalid-field"))
                .addProperty("title", new StringSchema().example("Unprocessable Content"))
                .addProperty("status", new IntegerSchema().format("int32").example(422))
                .addProperty("detail", new StringSchema().example("metadata store 'missing' does not exist"))
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("field", new StringSchema().description("The request field at fault, when there is one"))
                .addProperty("errors", new ArraySchema().items(error).description("Every invalid field (validation errors)"));
    }
}
