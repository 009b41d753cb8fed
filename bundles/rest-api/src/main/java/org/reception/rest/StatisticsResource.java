package org.reception.rest;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
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
import org.reception.cases.divisions.Division;
import org.reception.cases.divisions.Divisions;
import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.EscalationCount;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.HotTopics;
import org.reception.cases.statistics.PetitionStatistics;
import org.reception.cases.statistics.PetitionTopics;
import org.reception.cases.statistics.RollupCheck;
import org.reception.cases.statistics.Topic;
import org.reception.cases.statistics.TopicQuery;
import org.reception.cases.statistics.TopicSample;
import org.reception.cases.statistics.Statistics;
import org.reception.cases.statistics.StatisticsQuery;
import org.reception.cases.statistics.StatisticsRow;

/**
 * The statistics of the letters-and-visits work (docs/analysis.md), as JSON or as a CSV table that
 * spreadsheet programs open in Chinese.
 */
@Path("/statistics")
@Produces({MediaType.APPLICATION_JSON, Tables.CSV, Tables.XLSX})
@Tag(name = "statistics", description = "Figures of the cases the account may read, by period, place and one dimension")
@SecurityRequirement(name = OpenApi.BASIC)
@ApiResponse(responseCode = "401", ref = OpenApi.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = OpenApi.FORBIDDEN)
@ApiResponse(responseCode = "429", ref = OpenApi.TOO_MANY_REQUESTS)
@ApiResponse(responseCode = "503", ref = OpenApi.UNAVAILABLE)
public class StatisticsResource {

    private final Supplier<PetitionStatistics> statistics;
    private final Supplier<PetitionTopics> topics;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    StatisticsResource(Supplier<PetitionStatistics> statistics, Supplier<PetitionTopics> topics) {
        this.statistics = statistics;
        this.topics = topics;
    }

    /** The tables of an answer: its figures by the dimension's values, and its escalations. */
    enum StatisticsTable {
        FIGURES, ESCALATIONS
    }

    /** The most rows of a breakdown on one page. */
    static final int MAX_PAGE_SIZE = 500;

    /** The answer in JSON: each figure a number, or {@code "<3"} for a count the caller may not read exactly. */
    public record Answer(String jurisdiction, String name, LocalDate from, LocalDate to, LocalDate previousFrom,
                         LocalDate previousTo, String by, LocalDate asOf, int minimumCell, List<Row> rows,
                         @Schema(description = "Every figure of all rows together") Map<String, Object> total,
                         @Schema(description = "The same figures for the period before") Map<String, Object> previousTotal,
                         LocalDate lastYearFrom, LocalDate lastYearTo,
                         @Schema(description = "The same figures for the same days a year before") Map<String, Object> lastYearTotal,
                         @Schema(description = "The escalations the rules raised in the period, by trigger and level")
                         List<EscalationCount> escalations) {
    }

    /**
     * @param figures by name (docs/analysis.md): counts, rates from 0 to 1 or null over nothing, and
     *                {@code "<3"} for a count below the minimum cell the caller may not read exactly
     */
    public record Row(String key, String label,
                      @Schema(description = "The figures by name: a number, null for a rate over nothing, or \"<n\"")
                      Map<String, Object> figures) {
    }

    @GET
    @Permits({Role.CLERK, Role.SUPERVISOR, Role.HANDLING_UNIT, Role.AUDITOR, Role.ADMINISTRATOR})
    @Operation(operationId = "readStatistics", summary = "Figures of the cases the account may read, by one dimension",
            description = "The cases of the jurisdiction received in the period (from/to, or period and date), as the"
                    + " account may read them, and the same totals for the period before. JSON, or the table as"
                    + " CSV (format=csv or Accept: text/csv; table=escalations for the escalations instead) or as an Excel"
                    + " workbook of both tables (format=xlsx or Accept: " + Tables.XLSX + ").",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The figures",
                            headers = @Header(name = "Content-Disposition", description = "For CSV and XLSX: the file's name,"
                                    + " in filename*= (RFC 5987) in Chinese", schema = @Schema(type = "string")),
                            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = Answer.class)),
                                    @Content(mediaType = Tables.CSV, schema = @Schema(type = "string")),
                                    @Content(mediaType = Tables.XLSX, schema = @Schema(type = "string", format = "binary"))}),
                    @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST)})
    public Response read(@Parameter(required = true, description = "A province, city or county: its whole subtree",
                                 schema = @Schema(pattern = "^(\\d{2}|\\d{4}|\\d{6})$"))
                         @QueryParam("jurisdiction") String jurisdiction,
                         @Parameter(description = "The first day (China Standard Time), with to",
                                 schema = @Schema(type = "string", format = "date")) @QueryParam("from") String from,
                         @Parameter(description = "The last day, included", schema = @Schema(type = "string", format = "date"))
                         @QueryParam("to") String to,
                         @Parameter(description = "Instead of from and to: the calendar period holding date",
                                 schema = @Schema(allowableValues = {"day", "week", "month", "quarter", "year"}))
                         @QueryParam("period") String period,
                         @Parameter(description = "With period: a day of it", schema = @Schema(type = "string", format = "date"))
                         @QueryParam("date") String date,
                         @Parameter(description = "The dimension of the rows", schema = @Schema(
                                 allowableValues = {"division", "type", "category", "channel", "unit", "status"},
                                 defaultValue = "division")) @QueryParam("by") String by,
                         @Parameter(description = "csv or xlsx for the table as a file (as Accept: text/csv or the"
                                 + " workbook's type)", schema = @Schema(allowableValues = {"json", "csv", "xlsx"}))
                         @QueryParam("format") String format,
                         @Parameter(description = "Which table a CSV file holds: the figures by the dimension, or the"
                                 + " escalations by trigger and level (a workbook holds both, a sheet each)",
                                 schema = @Schema(allowableValues = {"figures", "escalations"}, defaultValue = "figures"))
                         @QueryParam("table") String table,
                         @Parameter(description = "The page of rows (from 0), with size; all rows when absent."
                                 + " The totals are always of all rows") @QueryParam("page") Integer page,
                         @Parameter(description = "Rows per page, 1 to " + MAX_PAGE_SIZE, schema = @Schema(defaultValue = "100"))
                         @QueryParam("size") Integer size) throws IOException {
        List<Violation> violations = new ArrayList<>();
        if (page != null && page < 0) {
            violations.add(new Violation("page", "must be 0 or more"));
        }
        if (size != null && (size < 1 || size > MAX_PAGE_SIZE)) {
            violations.add(new Violation("size", "must be from 1 to " + MAX_PAGE_SIZE));
        }
        Tables.checkDivision(jurisdiction, violations);
        Dimension dimension = by == null || by.isBlank() ? Dimension.DIVISION : Dimension.named(by).orElse(null);
        if (dimension == null) {
            violations.add(new Violation("by", "must be one of division, type, category, channel, unit, status"));
        }
        Tables.Format answered = Tables.Format.of(format, headers, violations);
        StatisticsTable asked;
        if (table == null || table.isBlank()) {
            asked = StatisticsTable.FIGURES;
        } else if (table.strip().equals("figures") || table.strip().equals("escalations")) {
            asked = StatisticsTable.valueOf(table.strip().toUpperCase(java.util.Locale.ROOT));
        } else {
            asked = null;
            violations.add(new Violation("table", "must be figures or escalations"));
        }
        Period days = Period.parse(from, to, period, date, violations);
        if (!violations.isEmpty()) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, violations);
        }
        PetitionStatistics service = statistics.get();
        if (service == null) {
            throw new ServiceUnavailable("the statistics are not running");
        }
        Statistics answer = service.statistics(AccessFilter.caller(security),
                new StatisticsQuery(jurisdiction.strip(), days, dimension));
        if (page != null || size != null) {
            answer = page(answer, page == null ? 0 : page, size == null ? 100 : size);
        }
        if (answered != Tables.Format.JSON) {
            Tables.Table figures = new Tables.Table("信访统计", table(answer));
            Tables.Table escalations = new Tables.Table("升级", escalationTable(answer));
            return Tables.file(answered, asked == StatisticsTable.FIGURES ? figures : escalations,
                    List.of(figures, escalations),
                    fileName(answer, answered == Tables.Format.CSV ? asked : StatisticsTable.FIGURES));
        }
        return Response.ok(answer(answer), MediaType.APPLICATION_JSON).build();
    }

    /** One page of the rows; the totals stay those of all rows. A page past the last is refused. */
    static Statistics page(Statistics all, int page, int size) {
        int first = page * size;
        if (first > 0 && first >= all.rows().size()) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, List.of(new Violation("page",
                    "there are " + all.rows().size() + " rows: pages 0 to " + Math.max(0, (all.rows().size() - 1) / size))));
        }
        return new Statistics(all.jurisdiction(), all.name(), all.period(), all.previousPeriod(), all.by(), all.asOf(),
                all.minimumCell(), all.rows().subList(first, Math.min(all.rows().size(), first + size)), all.total(),
                all.previousTotal(), all.lastYearPeriod(), all.lastYearTotal(), all.escalations());
    }

    @GET
    @Path("/topics")
    @Permits({Role.CLERK, Role.SUPERVISOR, Role.HANDLING_UNIT, Role.AUDITOR, Role.ADMINISTRATOR})
    @Operation(operationId = "readHotTopics", summary = "The hot topics (热点问题) of the cases the account may read",
            description = "The words many petitions of the period raise (frequent) and those rising fastest against the"
                    + " period before (rising), from their titles and contents, segmented as Chinese words. Each"
                    + " topic has its counts by place and a few sample cases, all of them cases the account may read."
                    + " JSON, or both lists as one CSV table (format=csv) or an Excel workbook (format=xlsx).",
            responses = {@ApiResponse(responseCode = "200", description = "The topics",
                    headers = @Header(name = "Content-Disposition", description = "For CSV and XLSX: the file's name,"
                            + " in filename*= (RFC 5987) in Chinese", schema = @Schema(type = "string")),
                    content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HotTopics.class)),
                            @Content(mediaType = Tables.CSV, schema = @Schema(type = "string")),
                            @Content(mediaType = Tables.XLSX, schema = @Schema(type = "string", format = "binary"))}),
                    @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST)})
    public Response topics(@Parameter(required = true, description = "A province, city or county: its whole subtree")
                           @QueryParam("jurisdiction") String jurisdiction,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("period") String period, @QueryParam("date") String date,
                           @Parameter(description = "How many topics of each list, 1 to 50",
                                   schema = @Schema(defaultValue = "10")) @QueryParam("limit") Integer limit,
                           @Parameter(description = "csv or xlsx for the lists as a file (as Accept: text/csv or the"
                                   + " workbook's type)", schema = @Schema(allowableValues = {"json", "csv", "xlsx"}))
                           @QueryParam("format") String format) throws IOException {
        List<Violation> violations = new ArrayList<>();
        Tables.checkDivision(jurisdiction, violations);
        Tables.Format answered = Tables.Format.of(format, headers, violations);
        Period asked = Period.parse(from, to, period, date, violations);
        if (!violations.isEmpty()) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, violations);
        }
        PetitionTopics service = topics.get();
        if (service == null) {
            throw new ServiceUnavailable("the hot topics are not running");
        }
        HotTopics answer = service.topics(AccessFilter.caller(security),
                new TopicQuery(jurisdiction.strip(), asked, limit == null ? 10 : limit));
        if (answered == Tables.Format.JSON) {
            return Response.ok(answer, MediaType.APPLICATION_JSON).build();
        }
        Tables.Table table = new Tables.Table("热点问题", topicTable(answer));
        String tail = "_" + answer.period().from() + "_" + answer.period().to();
        String place = Divisions.reference().find(answer.jurisdiction()).map(Division::name).orElse(answer.jurisdiction());
        return Tables.file(answered, table, List.of(table),
                new Tables.FileName("topics_" + answer.jurisdiction() + tail, "热点问题_" + place + tail));
    }

    /**
     * Both lists of topics as one table: which list, the rank in it, the word, its counts now and
     * before, its growth, its count in each place (a column each, named and coded) and the
     * registration numbers of its samples.
     */
    static List<List<Object>> topicTable(HotTopics topics) {
        java.util.SortedSet<String> places = new java.util.TreeSet<>();
        java.util.stream.Stream.concat(topics.frequent().stream(), topics.rising().stream())
                .forEach(topic -> places.addAll(topic.byPlace().keySet()));
        List<Object> header = new ArrayList<>(List.of("list", "rank", "term", "count", "previousCount", "growth"));
        for (String code : places) {
            header.add(Divisions.reference().find(code).map(division -> division.name() + "(" + code + ")").orElse(code));
        }
        header.add("samples");
        List<List<Object>> table = new ArrayList<>();
        table.add(header);
        for (String list : List.of("frequent", "rising")) {
            List<Topic> listed = list.equals("frequent") ? topics.frequent() : topics.rising();
            for (int rank = 0; rank < listed.size(); rank++) {
                Topic topic = listed.get(rank);
                List<Object> row = new ArrayList<>(List.of(list, rank + 1, topic.term(), topic.count(),
                        topic.previousCount()));
                row.add(topic.growth()); // null, an empty cell, for a new topic
                for (String code : places) {
                    row.add(topic.byPlace().getOrDefault(code, 0L));
                }
                row.add(String.join(" ", topic.samples().stream().map(TopicSample::registrationNumber).toList()));
                table.add(row);
            }
        }
        return table;
    }

    @GET
    @Path("/rollup")
    @Produces(MediaType.APPLICATION_JSON)
    @Permits(Role.ADMINISTRATOR)
    @Operation(operationId = "checkStatisticsRollup", summary = "Check the statistics' rollup against the cases",
            description = "Counts every case anew and compares it with the rollup the figures are read from, case by"
                    + " case and cell by cell. Slow on a large database (it reads every case): for operators and tests.",
            responses = @ApiResponse(responseCode = "200", description = "The check",
                    content = @Content(schema = @Schema(implementation = RollupCheck.class))))
    public RollupCheck checkRollup() {
        return service().checkRollup(AccessFilter.caller(security));
    }

    @javax.ws.rs.POST
    @Path("/rollup/recount")
    @Permits(Role.ADMINISTRATOR)
    @Operation(operationId = "recountStatisticsRollup", summary = "Count every case anew into the statistics' rollup",
            description = "In the background; until it is done, the figures are counted from the cases (as exact, slower).",
            responses = @ApiResponse(responseCode = "202", description = "The recount has begun"))
    public Response recountRollup() {
        service().recountRollup(AccessFilter.caller(security));
        return Response.accepted().build();
    }

    private PetitionStatistics service() {
        PetitionStatistics service = statistics.get();
        if (service == null) {
            throw new ServiceUnavailable("the statistics are not running");
        }
        return service;
    }

    static Answer answer(Statistics statistics) {
        List<Row> rows = statistics.rows().stream().map(row -> new Row(row.key(), row.label(),
                row.shown(statistics.minimumCell()))).toList();
        return new Answer(statistics.jurisdiction(), statistics.name(), statistics.period().from(),
                statistics.period().to(), statistics.previousPeriod().from(), statistics.previousPeriod().to(),
                statistics.by().parameter(), statistics.asOf(), statistics.minimumCell(), rows,
                new LinkedHashMap<>(statistics.total().byName()),
                new LinkedHashMap<>(statistics.previousTotal().byName()), statistics.lastYearPeriod().from(),
                statistics.lastYearPeriod().to(), new LinkedHashMap<>(statistics.lastYearTotal().byName()),
                statistics.escalations());
    }

    /**
     * The table both files hold: a header, one line per row, then the total, the previous
     * period's total and the same period's a year before. A figure stays a number (or {@code "<3"}, or nothing for a rate over nothing).
     */
    static List<List<Object>> table(Statistics statistics) {
        List<List<Object>> table = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of(statistics.by().parameter(), "label"));
        header.addAll(Figures.NAMES);
        table.add(header);
        for (StatisticsRow row : statistics.rows()) {
            List<Object> cells = new ArrayList<>(List.of(row.key(), row.label() == null ? "" : row.label()));
            cells.addAll(row.shown(statistics.minimumCell()).values());
            table.add(cells);
        }
        for (String total : List.of("TOTAL", "PREVIOUS", "LAST_YEAR")) {
            Figures figures = switch (total) {
                case "TOTAL" -> statistics.total();
                case "PREVIOUS" -> statistics.previousTotal();
                default -> statistics.lastYearTotal();
            };
            Period period = switch (total) {
                case "TOTAL" -> statistics.period();
                case "PREVIOUS" -> statistics.previousPeriod();
                default -> statistics.lastYearPeriod();
            };
            List<Object> cells = new ArrayList<>(List.of(total, period.from() + "/" + period.to()));
            cells.addAll(figures.byName().values());
            table.add(cells);
        }
        return table;
    }

    /** The escalations of the period, by trigger and level. */
    static List<List<Object>> escalationTable(Statistics statistics) {
        List<List<Object>> table = new ArrayList<>();
        table.add(List.of("trigger", "level", "count"));
        for (EscalationCount count : statistics.escalations()) {
            table.add(List.of(count.trigger().name(), count.level().name(), count.count()));
        }
        return table;
    }

    /** The file's name without its extension: {@code 信访统计_贵阳市_2026-01-01_2026-03-31_division}, and in ASCII. */
    static Tables.FileName fileName(Statistics statistics, StatisticsTable table) {
        String tail = "_" + statistics.period().from() + "_" + statistics.period().to() + "_"
                + (table == StatisticsTable.FIGURES ? statistics.by().parameter() : "escalations");
        return new Tables.FileName("statistics_" + statistics.jurisdiction() + tail, "信访统计_" + statistics.name() + tail);
    }
}
