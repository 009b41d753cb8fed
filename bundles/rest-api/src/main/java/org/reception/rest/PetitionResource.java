package org.reception.rest;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.reception.cases.NewPetition;
import org.reception.cases.Petition;
import org.reception.cases.PetitionService;
import org.reception.cases.Problem;
import org.reception.cases.ServiceUnavailable;

/** {@code /api/v1/petitions}: register and read petitions. */
@Path("/petitions")
@Produces({MediaType.APPLICATION_JSON, ProblemDetails.MEDIA_TYPE})
public class PetitionResource {

    private final Supplier<PetitionService> petitions;

    @Context
    UriInfo uriInfo;

    PetitionResource(Supplier<PetitionService> petitions) {
        this.petitions = petitions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(NewPetition petition) {
        Petition registered = service().register(petition);
        URI location = uriInfo.getAbsolutePathBuilder().path(registered.id()).build();
        return Response.created(location).entity(registered).build();
    }

    @GET
    @Path("/{id}")
    public Response read(@PathParam("id") String id) {
        return service().find(id)
                .map(petition -> Response.ok(petition).build())
                .orElseGet(() -> ProblemDetails.response(Problem.NOT_FOUND, Response.Status.NOT_FOUND,
                        "no petition with id " + id, uriInfo.getRequestUri().getPath(), List.of()));
    }

    private PetitionService service() {
        PetitionService service = petitions.get();
        if (service == null) {
            throw new ServiceUnavailable("petition intake is not running");
        }
        return service;
    }
}
