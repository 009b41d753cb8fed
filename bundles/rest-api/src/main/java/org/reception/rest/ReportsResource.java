package org.reception.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reception.cases.PetitionRejected;
import org.reception.cases.Problem;
import org.reception.cases.ServiceUnavailable;
import org.reception.cases.Violation;
import org.reception.cases.access.Role;
import org.reception.cases.reports.AnalysisReports;
import org.reception.cases.reports.ReportDocument;
import org.reception.cases.reports.ReportKind;
import org.reception.cases.reports.StoredReport;

/** The periodic analysis reports (信访形势分析报告): kept ones listed and downloaded, new ones written. */
@Path("/statistics/reports")
@Tag(name = "statistics")
@SecurityRequirement(name = OpenApi.BASIC)
@ApiResponse(responseCode = "401", ref = OpenApi.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = OpenApi.FORBIDDEN)
@ApiResponse(responseCode = "429", ref = OpenApi.TOO_MANY_REQUESTS)
@ApiResponse(responseCode = "503", ref = OpenApi.UNAVAILABLE)
public class ReportsResource {

    static final String PDF = "application/pdf";

    private final Supplier<AnalysisReports> reports;

    @Context
    SecurityContext security;

    ReportsResource(Supplier<AnalysisReports> reports) {
        this.reports = reports;
    }

    /** What to write: the month, quarter or year ({@code period}) holding {@code date}, of a jurisdiction. */
    public record ReportRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^(\\d{2}|\\d{4}|\\d{6})$")
                                String jurisdiction,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                        allowableValues = {"month", "quarter", "year"}) String period,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date") String date) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Permits({Role.SUPERVISOR, Role.AUDITOR, Role.ADMINISTRATOR})
    @Operation(operationId = "listReports", summary = "The analysis reports kept, newest period first",
            description = "Those of the jurisdiction and below that the account may read: a report counts every case"
                    + " of its place, so its supervisors and those above, auditors and administrators read it, none of"
                    + " them holding a handling unit's role.",
            responses = @ApiResponse(responseCode = "200", description = "The reports, without their documents",
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = StoredReport.class)))))
    public List<StoredReport> list(@Parameter(description = "A province, city or county; every one when absent")
                                   @QueryParam("jurisdiction") String jurisdiction,
                                   @Parameter(schema = @Schema(defaultValue = "50", minimum = "1", maximum = "500"))
                                   @QueryParam("limit") Integer limit) {
        if (limit != null && (limit < 1 || limit > 500)) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, List.of(new Violation("limit", "must be from 1 to 500")));
        }
        return service().list(AccessFilter.caller(security), jurisdiction, limit == null ? 50 : limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Permits({Role.SUPERVISOR, Role.AUDITOR, Role.ADMINISTRATOR})
    @Operation(operationId = "writeReport", summary = "Write the analysis report of a month, a quarter or a year",
            description = "Gathers the statistics, the monthly trend and the hot topics of the period and writes them"
                    + " as a PDF, kept with its period and the time it was written. Takes a few seconds.",
            responses = {@ApiResponse(responseCode = "201", description = "Written; Location names its document",
                    content = @Content(schema = @Schema(implementation = StoredReport.class))),
                    @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST)})
    public Response write(ReportRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (request == null) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST,
                    List.of(new Violation("period", "send {\"jurisdiction\", \"period\", \"date\"}")));
        }
        ReportKind kind = ReportKind.named(request.period()).orElse(null);
        if (kind == null) {
            violations.add(new Violation("period", "must be month, quarter or year"));
        }
        Tables.checkDivision(request.jurisdiction(), violations);
        LocalDate date = null;
        try {
            date = request.date() == null ? null : LocalDate.parse(request.date().strip());
        } catch (DateTimeParseException e) {
            violations.add(new Violation("date", "must be a date such as 2026-03-01"));
        }
        if (request.date() == null) {
            violations.add(new Violation("date", "is required: a day of the period, such as 2026-03-01"));
        }
        if (!violations.isEmpty()) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, violations);
        }
        StoredReport written = service().generate(AccessFilter.caller(security), kind, request.jurisdiction(), date);
        return Response.created(URI.create("statistics/reports/" + written.id())).entity(written).build();
    }

    @GET
    @Path("/{id}")
    @Produces(PDF)
    @Permits({Role.SUPERVISOR, Role.AUDITOR, Role.ADMINISTRATOR})
    @Operation(operationId = "readReport", summary = "The document of a kept analysis report, as a PDF",
            responses = {@ApiResponse(responseCode = "200", description = "The PDF; its title names the file",
                    content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary"))),
                    @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND)})
    public Response document(@PathParam("id") String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        ReportDocument document = service().document(AccessFilter.caller(security), number)
                .orElseThrow(NotFoundException::new);
        String name = document.report().title() + ".pdf";
        return Response.ok(document.pdf(), PDF)
                .header("Content-Disposition", Tables.contentDisposition("report-" + number + ".pdf", name)).build();
    }

    private AnalysisReports service() {
        AnalysisReports service = reports.get();
        if (service == null) {
            throw new ServiceUnavailable("the analysis reports are not running");
        }
        return service;
    }
}
