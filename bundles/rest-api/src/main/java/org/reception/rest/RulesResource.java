package org.reception.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reception.cases.CaseDecisions;
import org.reception.cases.PetitionService;
import org.reception.cases.PetitionRejected;
import org.reception.cases.Problem;
import org.reception.cases.RuleProvenance;
import org.reception.cases.UnknownPetition;
import org.reception.cases.Violation;
import org.reception.cases.access.Role;
import org.reception.rules.admin.DeployOutcome;
import org.reception.rules.admin.ModuleTestReport;
import org.reception.rules.admin.RuleAdministration;
import org.reception.rules.admin.RuleModuleDetail;
import org.reception.rules.admin.RuleModuleInfo;
import org.reception.rules.admin.RuleModuleRejection;
import org.reception.rules.admin.RuleTrials;
import org.reception.rules.admin.WhatIfReport;

/**
 * {@code /api/v1/rules}: the rule modules, for rule administrators. The same operations as the
 * {@code rules:*} shell commands. A module travels as its jar ({@code application/java-archive}).
 */
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
@Permits(Role.RULE_ADMINISTRATOR)
@Tag(name = "rules", description = "Rule modules: deploy, roll back, test, what-if, explain")
@SecurityRequirement(name = OpenApi.BASIC)
@ApiResponse(responseCode = "401", ref = OpenApi.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = OpenApi.FORBIDDEN)
@ApiResponse(responseCode = "429", ref = OpenApi.TOO_MANY_REQUESTS)
@ApiResponse(responseCode = "503", ref = OpenApi.UNAVAILABLE)
public class RulesResource {

    static final String JAR = "application/java-archive";

    private final Supplier<RuleAdministration> rules;
    private final Supplier<RuleTrials> trials;
    private final Supplier<PetitionService> petitions;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    RulesResource(Supplier<RuleAdministration> rules, Supplier<RuleTrials> trials, Supplier<PetitionService> petitions) {
        this.rules = rules;
        this.trials = trials;
        this.petitions = petitions;
    }

    /** The modules serving now, one per jurisdiction. */
    @GET
    @Path("/modules")
    @Operation(operationId = "listRuleModules", summary = "The modules serving now", responses = @ApiResponse(responseCode = "200",
            description = "One per jurisdiction", content = @Content(array = @ArraySchema(schema = @Schema(implementation = RuleModuleInfo.class)))))
    public List<RuleModuleInfo> modules() {
        return administration().activeModules();
    }

    /** One module, by id or by the jurisdiction it decides for: versions kept, rules, test cases, rejections. */
    @GET
    @Path("/modules/{module}")
    @Operation(operationId = "readRuleModule", summary = "One module: versions kept, rules, test cases, rejections", responses = {
            @ApiResponse(responseCode = "200", description = "The module",
                    content = @Content(schema = @Schema(implementation = RuleModuleDetail.class))),
            @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND)})
    public RuleModuleDetail module(@PathParam("module") String module) {
        return administration().module(module).orElseThrow(() -> unknownModule(module));
    }

    /** Deploys a module jar: installed as a bundle, or as an update of the bundle of the same module. */
    @POST
    @Path("/modules")
    @Consumes({JAR, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "deployRuleModule", summary = "Deploy a module, or a new version of one", responses = {
            @ApiResponse(responseCode = "200", description = "Deployed and serving",
                    content = @Content(schema = @Schema(implementation = DeployOutcome.class))),
            @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE),
            @ApiResponse(responseCode = "422", ref = OpenApi.UNPROCESSABLE)})
    public Response deploy(@RequestBody(required = true, description = "The module's jar", content = {
            @Content(mediaType = JAR, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = "string", format = "binary"))}) InputStream jar) throws IOException {
        DeployOutcome outcome = administration().deploy(jar);
        if (!outcome.accepted()) {
            return refused("the rule module was refused; the version serving before goes on", outcome.errors());
        }
        return Response.ok(outcome).build();
    }

    @POST
    @Path("/modules/{module}/rollback")
    @Operation(operationId = "rollBackRuleModule", summary = "Serve the version before the present one again", responses = {
            @ApiResponse(responseCode = "200", description = "The version serving now",
                    content = @Content(schema = @Schema(implementation = RuleModuleInfo.class))),
            @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", description = "No earlier version is kept (no-earlier-version)",
                    ref = OpenApi.ILLEGAL_TRANSITION)})
    public Response rollback(@PathParam("module") String module) {
        RuleAdministration administration = administration();
        administration.module(module).orElseThrow(() -> unknownModule(module));
        try {
            return Response.ok(administration.rollback(module)).build();
        } catch (IllegalStateException e) {
            return ProblemDetails.response(Problem.NO_EARLIER_VERSION, e.getMessage(), instance(), List.of());
        }
    }

    /** Runs the serving version's own test cases. */
    @POST
    @Path("/modules/{module}/test")
    @Operation(operationId = "testRuleModule", summary = "Run the serving version's own test cases", responses = {
            @ApiResponse(responseCode = "200", description = "The report",
                    content = @Content(schema = @Schema(implementation = ModuleTestReport.class))),
            @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND)})
    public ModuleTestReport test(@PathParam("module") String module) {
        return administration().test(module).orElseThrow(() -> unknownModule(module));
    }

    @GET
    @Path("/rejections")
    @Operation(operationId = "listRuleModuleRejections", summary = "Modules refused lately, with why", responses =
            @ApiResponse(responseCode = "200", description = "The rejections",
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = RuleModuleRejection.class)))))
    public List<RuleModuleRejection> rejections() {
        return administration().rejections();
    }

    /** What-if: the candidate jar against the latest {@code cases} stored cases of its jurisdiction; nothing is activated. */
    @POST
    @Path("/what-if")
    @Consumes({JAR, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "tryRuleModule", summary = "What-if: a candidate module against stored cases; nothing is activated",
            responses = {
                    @ApiResponse(responseCode = "200", description = "What the candidate would decide differently",
                            content = @Content(schema = @Schema(implementation = WhatIfReport.class))),
                    @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST),
                    @ApiResponse(responseCode = "413", ref = OpenApi.PAYLOAD_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE),
                    @ApiResponse(responseCode = "422", ref = OpenApi.UNPROCESSABLE)})
    public Response whatIf(@Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1",
                                   maximum = "" + RuleTrials.MAX_CASES, defaultValue = "100"))
                           @QueryParam("cases") @DefaultValue("100") String cases,
                           @RequestBody(required = true, description = "The module's jar", content = {
            @Content(mediaType = JAR, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = "string", format = "binary"))}) InputStream jar) throws IOException {
        int count;
        try {
            count = Integer.parseInt(cases);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > RuleTrials.MAX_CASES) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST,
                    List.of(new Violation("cases", "must be a number from 1 to " + RuleTrials.MAX_CASES)));
        }
        WhatIfReport report = Services.required(trials, "what-if").whatIf(AccessFilter.caller(security), jar, count);
        return Response.ok(report).build();
    }

    /** Every decision the rules took for a petition, with the module versions and rules behind each. */
    @GET
    @Path("/explain/{petition}")
    @Permits({Role.RULE_ADMINISTRATOR, Role.SUPERVISOR})
    @Operation(operationId = "explainDecisions", summary = "Every decision the rules took for a petition, and which module versions",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The explanation",
                            content = @Content(schema = @Schema(type = "object"))),
                    @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND)})
    public Map<String, Object> explain(@PathParam("petition") String petition) {
        CaseDecisions found = Services.required(petitions).decisions(AccessFilter.caller(security), petition)
                .orElseThrow(() -> new UnknownPetition(petition));
        Map<String, String> serving = new LinkedHashMap<>();
        for (RuleModuleInfo active : administration().activeModules()) {
            serving.put(active.id(), active.version());
        }
        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("registrationNumber", found.registrationNumber());
        explanation.put("routing", found.routing());
        explanation.put("confidentiality", found.confidentiality());
        explanation.put("escalations", found.escalations());
        explanation.put("modulesServingNow", serving);
        explanation.put("decidedBySupersededVersion", !isServing(found.routing().provenance(), serving));
        return explanation;
    }

    private static boolean isServing(RuleProvenance provenance, Map<String, String> serving) {
        return provenance.moduleVersion().equals(serving.get(provenance.moduleId()));
    }

    private RuleAdministration administration() {
        return Services.required(rules, "the rules host");
    }

    private Response refused(String detail, List<String> errors) {
        return ProblemDetails.response(Problem.INVALID_RULE_MODULE, detail, instance(),
                errors.stream().map(error -> new Violation("module", error)).toList());
    }

    private javax.ws.rs.NotFoundException unknownModule(String module) {
        return new javax.ws.rs.NotFoundException("no rule module '" + module + "' is known");
    }

    private String instance() {
        return uriInfo == null ? null : uriInfo.getRequestUri().getPath();
    }
}
