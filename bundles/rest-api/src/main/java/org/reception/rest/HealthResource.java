package org.reception.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reception.cases.health.HealthCheck;
import org.reception.cases.health.HealthStatus;

/** {@code /api/v1/health}: 200 when every required part is up, 503 otherwise; says which part is not. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Anonymous
@Tag(name = "operations")
public class HealthResource {

    static final Set<String> REQUIRED = Set.of("store", "rules");

    private final Supplier<Map<String, HealthCheck>> checks;

    HealthResource(Supplier<Map<String, HealthCheck>> checks) {
        this.checks = checks;
    }

    public record Health(String status, Map<String, HealthStatus> checks) {
    }

    @GET
    @Operation(operationId = "checkHealth", summary = "Whether every required part of the platform is up", responses = {
            @ApiResponse(responseCode = "200", description = "Up", content = @Content(schema = @Schema(implementation = Health.class))),
            @ApiResponse(responseCode = "503", description = "A required part is down; the checks say which",
                    content = @Content(schema = @Schema(implementation = Health.class)))})
    @SecurityRequirements
    public Response health() {
        Map<String, HealthCheck> registered = checks.get();
        Map<String, HealthStatus> results = new LinkedHashMap<>();
        for (String name : REQUIRED.stream().sorted().toList()) {
            HealthCheck check = registered.get(name);
            results.put(name, check == null ? HealthStatus.down("not running") : safely(check));
        }
        registered.forEach((name, check) -> results.computeIfAbsent(name, n -> safely(check)));
        boolean up = results.values().stream().allMatch(HealthStatus::up);
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new Health(up ? "UP" : "DOWN", results)).build();
    }

    private static HealthStatus safely(HealthCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            return HealthStatus.down("check failed: " + e.getMessage());
        }
    }
}
