package org.reception.rest;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.reception.cases.ServiceUnavailable;
import org.reception.rules.admin.RuleAdministration;
import org.reception.rules.admin.RuleModuleInfo;

/** {@code /api/v1/rules}: what the rules host runs, for administrators. */
@Path("/rules")
@Produces({MediaType.APPLICATION_JSON, ProblemDetails.MEDIA_TYPE})
public class RulesResource {

    private final Supplier<RuleAdministration> rules;

    RulesResource(Supplier<RuleAdministration> rules) {
        this.rules = rules;
    }

    /** The modules serving now, one per jurisdiction. */
    @GET
    @Path("/modules")
    public List<RuleModuleInfo> modules() {
        RuleAdministration administration = rules.get();
        if (administration == null) {
            throw new ServiceUnavailable("the rules host is not running");
        }
        return administration.activeModules();
    }
}
