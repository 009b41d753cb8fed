package org.reception.county.nanming;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.Forbidden;
import org.reception.cases.IdempotencyKeyReused;
import org.reception.cases.NewPetition;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PetitionService;
import org.reception.cases.PetitionType;
import org.reception.cases.Petitioner;
import org.reception.cases.Registration;
import org.reception.cases.access.Caller;
import org.reception.cases.spi.CountyEndpoint;

/**
 * Nanming's old intake system speaks one line per field, {@code KEY=VALUE}, with its own type codes
 * (SQ 申诉求决, JY 建议意见, ZX 咨询, JB 检举控告; a JB message names the accused in {@code BJR}). This
 * adapter takes such a message at {@code /api/county/520102/legacy} and registers it as a Nanming
 * petition; it answers
 * {@code OK <registration number> <query code>} or {@code ERR <code> <reason>}.
 */
@Component(service = CountyEndpoint.class, property = CountyEndpoint.NAME + "=520102/legacy")
@Path("/")
public class LegacyIntake implements CountyEndpoint {

    static final String NANMING = "520102";
    private static final Map<String, PetitionType> TYPES = Map.of("SQ", PetitionType.APPEAL,
            "JY", PetitionType.SUGGESTION, "ZX", PetitionType.CONSULTATION, "JB", PetitionType.ACCUSATION);

    private final PetitionService petitions;

    /** Signed in by the platform: Nanming's system uses an integration account of 520102. */
    @Context
    SecurityContext security;

    @Activate
    public LegacyIntake(@Reference PetitionService petitions) {
        this.petitions = petitions;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String describe() {
        return "Nanming legacy intake: POST KEY=VALUE lines (MSGID, TYPE, CAT, BT, NR, XM, SFZ, DH, BJR)\n";
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    public Response submit(String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : message.split("\r?\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        PetitionType type = TYPES.get(fields.getOrDefault("TYPE", ""));
        Category category;
        try {
            category = Category.valueOf(fields.getOrDefault("CAT", ""));
        } catch (IllegalArgumentException e) {
            category = null;
        }
        if (type == null || category == null) {
            return error("malformed-request", "TYPE must be SQ, JY, ZX or JB and CAT a category");
        }
        NewPetition petition = new NewPetition(Channel.COUNTY_SYSTEM, type, category, fields.get("BT"),
                fields.get("NR"), NANMING, null,
                List.of(new Petitioner(fields.get("XM"), fields.get("SFZ"), fields.get("DH"), null, false)),
                accused(fields.get("BJR")), false, List.of());
        try {
            Caller caller = Caller.of(security == null ? null : security.getUserPrincipal());
            Registration registration = petitions.register(caller, petition, fields.get("MSGID"));
            return Response.ok("OK " + registration.petition().registrationNumber() + " "
                    + registration.receipt().queryCode() + "\n").build();
        } catch (PetitionRejected e) {
            return error(e.problem().slug(), String.join("; ", e.violations().stream()
                    .map(v -> v.field() + ": " + v.message()).toList()));
        } catch (IdempotencyKeyReused e) {
            return error("idempotency-key-reused", e.getMessage());
        } catch (Forbidden e) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN + ";charset=utf-8")
                    .entity("ERR forbidden " + e.getMessage() + "\n").build();
        }
    }

    /** {@code BJR} (被举报人), the accused of a JB message: units or persons separated by {@code ;} or {@code 、}. */
    private static List<String> accused(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[;；、]")).map(String::strip).filter(name -> !name.isEmpty())
                .toList();
    }

    private static Response error(String code, String reason) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN + ";charset=utf-8")
                .entity("ERR " + code + " " + reason.replace('\n', ' ') + "\n").build();
    }
}
