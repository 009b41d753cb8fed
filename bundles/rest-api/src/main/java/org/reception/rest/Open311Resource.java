package org.reception.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.reception.cases.PlatformTime;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.Deadline;
import org.reception.cases.NewPetition;
import org.reception.cases.Page;
import org.reception.cases.Petition;
import org.reception.cases.PetitionQuery;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PetitionService;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionSummary;
import org.reception.cases.PetitionType;
import org.reception.cases.Problem;
import org.reception.cases.Petitioner;
import org.reception.cases.Registration;
import org.reception.cases.Violation;
import org.reception.cases.access.Caller;
import org.reception.cases.access.Jurisdictions;
import org.reception.cases.access.Role;
import org.reception.cases.divisions.Units;

/**
 * The Open311 GeoReport v2 face ({@code /api/open311/v2}), so that existing Open311 clients can
 * file and follow petitions: petition categories are the services, petitions the service requests,
 * registration numbers their ids. Every answer is JSON or XML by the path's extension.
 *
 * <p>What it shows of a petition is what the public may see: never the text, the petitioners or an
 * address; accusations not at all (a 404, as for an unknown id).
 */
@Path("/")
public class Open311Resource {

    static final String FORMAT = "{format:json|xml}";
    private static final int DEFAULT_DAYS = 90;
    private static final int MAX_REQUESTS = 200;

    private final Supplier<PetitionService> petitions;

    @Context
    SecurityContext security;

    Open311Resource(Supplier<PetitionService> petitions) {
        this.petitions = petitions;
    }

    @GET
    @Path("services." + FORMAT)
    @Anonymous
    public Response services(@PathParam("format") String format) {
        List<Map<String, Object>> services = new ArrayList<>();
        for (Category category : Category.values()) {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("service_code", code(category));
            service.put("service_name", category.label());
            service.put("description", category.label() + "类信访事项");
            service.put("metadata", true);
            service.put("type", "batch");
            service.put("keywords", category.label());
            service.put("group", "信访");
            services.add(service);
        }
        return Open311Documents.ok(format, "services", "service", services);
    }

    @GET
    @Path("services/{code}." + FORMAT)
    @Anonymous
    public Response definition(@PathParam("code") String code, @PathParam("format") String format) {
        Optional<Category> category = category(code);
        if (category.isEmpty()) {
            return Open311Documents.error(format, 404, "no service '" + code + "'");
        }
        List<Map<String, Object>> attributes = List.of(
                attribute("resident_id", "string", true, 1, "居民身份证号码（18位）", null),
                attribute("petition_type", "singlevaluelist", false, 2, "信访类别，缺省为申诉求决", List.of(
                        value(PetitionType.APPEAL, "申诉求决"), value(PetitionType.SUGGESTION, "建议意见"),
                        value(PetitionType.CONSULTATION, "咨询"))),
                attribute("title", "string", false, 3, "标题，缺省取描述的开头", null),
                attribute("confidential", "singlevaluelist", false, 4, "是否要求对姓名保密",
                        List.of(Map.of("key", "true", "name", "是"), Map.of("key", "false", "name", "否"))));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", code(category.get()));
        definition.put("attributes", attributes);
        return Open311Documents.single(format, "service_definition", definition);
    }

    /** {@code POST requests.json}, form-encoded as the spec says. */
    @POST
    @Path("requests." + FORMAT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Permits({Role.CLERK, Role.INTEGRATION})
    public Response file(@PathParam("format") String format,
                         @HeaderParam(PetitionResource.IDEMPOTENCY_KEY_HEADER) String idempotencyKey,
                         MultivaluedMap<String, String> form) {
        List<Violation> violations = new ArrayList<>();
        Optional<Category> category = category(form.getFirst("service_code"));
        if (category.isEmpty()) {
            violations.add(new Violation("service_code", "is not one of the services"));
        }
        String description = form.getFirst("description");
        if (description == null || description.isBlank()) {
            violations.add(new Violation("description", "is required"));
        }
        PetitionType type = PetitionType.APPEAL;
        String typeKey = form.getFirst("attribute[petition_type]");
        if (typeKey != null) {
            try {
                type = PetitionType.valueOf(typeKey.toUpperCase(Locale.ROOT));
                if (type == PetitionType.ACCUSATION) {
                    violations.add(new Violation("attribute[petition_type]",
                            "accusations are not taken through Open311; use the reception center's channels"));
                }
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("attribute[petition_type]", "is not one of APPEAL, SUGGESTION, CONSULTATION"));
            }
        }
        if (!violations.isEmpty()) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, violations);
        }
        String name = (nonNull(form.getFirst("last_name")) + nonNull(form.getFirst("first_name"))).strip();
        String title = form.getFirst("attribute[title]");
        if (title == null || title.isBlank()) {
            title = description.strip().codePoints().limit(30)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        }
        // A county system's account files for its county's system, as over SOAP; anyone else files online.
        Channel channel = caller().has(Role.INTEGRATION) && !caller().has(Role.CLERK) ? Channel.COUNTY_SYSTEM
                : Channel.ONLINE;
        NewPetition petition = new NewPetition(channel, type, category.get(), title, description,
                form.getFirst("jurisdiction_id"), null,
                List.of(new Petitioner(name.isEmpty() ? null : name, form.getFirst("attribute[resident_id]"),
                        form.getFirst("phone"), form.getFirst("address_string"), false)),
                List.of(), "true".equals(form.getFirst("attribute[confidential]")), List.of());
        Registration registration = Services.required(petitions).register(caller(), petition, idempotencyKey);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("service_request_id", registration.petition().registrationNumber());
        answer.put("token", registration.petition().id());
        answer.put("service_notice", "已登记。查询码 " + registration.receipt().queryCode()
                + "，请妥善保存，凭登记号和查询码查询办理进度。");
        answer.put("account_id", null);
        return Open311Documents.answer(Response.Status.CREATED, format, "service_requests", "request",
                List.of(answer));
    }

    @GET
    @Path("requests." + FORMAT)
    public Response requests(@PathParam("format") String format,
                             @QueryParam("service_request_id") String ids,
                             @QueryParam("service_code") String serviceCode,
                             @QueryParam("start_date") String startDate,
                             @QueryParam("end_date") String endDate,
                             @QueryParam("status") String status,
                             @QueryParam("jurisdiction_id") String jurisdiction) {
        PetitionService service = Services.required(petitions);
        List<Map<String, Object>> requests = new ArrayList<>();
        if (ids != null && !ids.isBlank()) {
            String[] wanted = ids.split(",");
            if (wanted.length > MAX_REQUESTS) {
                throw new PetitionRejected(Problem.MALFORMED_REQUEST,
                        List.of(new Violation("service_request_id", "at most " + MAX_REQUESTS + " ids")));
            }
            // The spec: with ids, every other filter is ignored.
            for (String id : wanted) {
                service.findByRegistrationNumber(caller(), id.strip()).filter(Open311Resource::public_)
                        .ifPresent(petition -> requests.add(request(petition)));
            }
            return Open311Documents.ok(format, "service_requests", "request", requests);
        }
        List<Violation> violations = new ArrayList<>();
        // Filters may list several values, comma-separated, as GeoReport v2 allows.
        List<Category> categories = new ArrayList<>();
        if (serviceCode != null) {
            for (String code : serviceCode.split(",")) {
                Optional<Category> category = category(code.strip());
                if (category.isEmpty()) {
                    violations.add(new Violation("service_code", "'" + code.strip() + "' is not one of the services"));
                } else if (!categories.contains(category.get())) {
                    categories.add(category.get());
                }
            }
        }
        Instant to = instant("end_date", endDate, violations);
        Instant from = instant("start_date", startDate, violations);
        Set<PetitionStatus> statuses = EnumSet.noneOf(PetitionStatus.class);
        if (status != null) {
            for (String value : status.split(",")) {
                boolean open = "open".equals(value.strip());
                if (!open && !"closed".equals(value.strip())) {
                    violations.add(new Violation("status", "is open or closed, or both comma-separated"));
                }
                for (PetitionStatus candidate : PetitionStatus.values()) {
                    if (candidate.isOpen() == open) {
                        statuses.add(candidate);
                    }
                }
            }
        }
        if (jurisdiction != null && !jurisdiction.matches("\\d{2}|\\d{4}|\\d{6}")) {
            violations.add(new Violation("jurisdiction_id", "is a 2, 4 or 6-digit division code"));
        }
        if (!violations.isEmpty()) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, violations);
        }
        if (to == null) {
            to = Instant.now();
        }
        if (from == null) {
            from = to.minusSeconds(DEFAULT_DAYS * 86_400L);
        }
        List<Category> wanted = categories.isEmpty() ? java.util.Collections.singletonList(null) : categories;
        for (Category category : wanted) {
            Page<PetitionSummary> page = service.list(caller(), new PetitionQuery(jurisdiction, statuses, null, false,
                    null, null, null, from, to, null, category, 0, MAX_REQUESTS));
            for (PetitionSummary summary : page.items()) {
                if (summary.type() != PetitionType.ACCUSATION && requests.size() < MAX_REQUESTS) {
                    service.findByRegistrationNumber(caller(), summary.registrationNumber())
                            .ifPresent(petition -> requests.add(request(petition)));
                }
            }
        }
        return Open311Documents.ok(format, "service_requests", "request", requests);
    }

    @GET
    @Path("requests/{id}." + FORMAT)
    public Response request(@PathParam("id") String id, @PathParam("format") String format) {
        return Services.required(petitions).findByRegistrationNumber(caller(), id).filter(Open311Resource::public_)
                .map(petition -> Open311Documents.ok(format, "service_requests", "request", List.of(request(petition))))
                .orElseGet(() -> Open311Documents.error(format, 404, "no service request " + id));
    }

    @GET
    @Path("tokens/{token}." + FORMAT)
    public Response token(@PathParam("token") String token, @PathParam("format") String format) {
        Optional<Petition> petition = token.matches("[0-9a-f-]{36}")
                ? Services.required(petitions).find(caller(), token).filter(Open311Resource::public_) : Optional.empty();
        if (petition.isEmpty()) {
            return Open311Documents.error(format, 404, "no token " + token);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("service_request_id", petition.get().registrationNumber());
        answer.put("token", token);
        return Open311Documents.ok(format, "service_requests", "request", List.of(answer));
    }

    private Caller caller() {
        return AccessFilter.caller(security);
    }

    /** W3C date-times with seconds and the offset (2026-11-30T10:00:00+08:00), as the GeoReport schemas ask. */
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private static String w3c(Instant instant) {
        return W3C.format(instant.atZone(PlatformTime.ZONE));
    }

    /** The name of the unit responsible now: the one the case was given to, else the one its rules chose. */
    private static String agency(Petition petition) {
        String unit = petition.handling().unit();
        if (unit == null || (petition.routing() != null && Jurisdictions.sameUnit(unit, petition.routing().unitCode()))) {
            return petition.routing() == null ? null : petition.routing().unitName();
        }
        return Units.name(unit).orElse(unit);
    }

    /** When the case last moved: its registration, or the latest step that began, met or closed something. */
    private static Instant lastStep(Petition petition) {
        Instant last = petition.receivedAt();
        for (Deadline deadline : petition.deadlines()) {
            last = later(later(last, deadline.startedAt()), deadline.metAt());
        }
        return later(later(last, petition.handling().repliedAt()), petition.handling().archivedAt());
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    /** Accusations never show on the public face. */
    private static boolean public_(Petition petition) {
        return petition.type() != PetitionType.ACCUSATION;
    }

    private static Map<String, Object> request(Petition petition) {
        LocalDate due = petition.deadlines().stream().filter(d -> d.metAt() == null).map(d -> d.due())
                .min(LocalDate::compareTo).orElse(null);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", petition.registrationNumber());
        request.put("status", petition.status().isOpen() ? "open" : "closed");
        request.put("status_notes", petition.status().name());
        request.put("service_name", petition.category().label());
        request.put("service_code", code(petition.category()));
        request.put("description", null);
        request.put("agency_responsible", agency(petition));
        request.put("service_notice", null);
        request.put("requested_datetime", w3c(petition.receivedAt()));
        request.put("updated_datetime", w3c(lastStep(petition)));
        request.put("expected_datetime", due == null ? null
                : w3c(due.atTime(23, 59, 59).atZone(PlatformTime.ZONE).toInstant()));
        request.put("address", null);
        request.put("address_id", null);
        request.put("zipcode", null);
        request.put("lat", null);
        request.put("long", null);
        request.put("media_url", null);
        return request;
    }

    private static Map<String, Object> attribute(String code, String datatype, boolean required, int order,
                                                 String description, List<Map<String, String>> values) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("variable", true);
        attribute.put("code", code);
        attribute.put("datatype", datatype);
        attribute.put("required", required);
        attribute.put("datatype_description", description);
        attribute.put("order", order);
        attribute.put("description", description);
        if (values != null) {
            attribute.put("values", values);
        }
        return attribute;
    }

    private static Map<String, String> value(PetitionType type, String name) {
        return Map.of("key", type.name(), "name", name);
    }

    static String code(Category category) {
        return category.name().toLowerCase(Locale.ROOT);
    }

    private static Optional<Category> category(String code) {
        for (Category category : Category.values()) {
            if (code(category).equals(code)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    private static Instant instant(String field, String value, List<Violation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "is not a W3C date-time such as 2026-03-02T09:30:00+08:00"));
            return null;
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
