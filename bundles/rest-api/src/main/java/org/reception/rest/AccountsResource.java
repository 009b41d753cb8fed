package org.reception.rest;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reception.cases.Violation;
import org.reception.cases.access.AccountAdministration;
import org.reception.cases.access.AccountRefused;
import org.reception.cases.access.Caller;
import org.reception.cases.access.Role;

/**
 * {@code /api/v1/accounts}: the platform's accounts and their roles, for administrators, kept in the
 * realm Karaf's {@code jaas:*} commands manage. Every change is written to the security log.
 */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Permits(Role.ADMINISTRATOR)
@Tag(name = "accounts", description = "Accounts and their roles, for administrators")
@SecurityRequirement(name = OpenApi.BASIC)
@ApiResponse(responseCode = "401", ref = OpenApi.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = OpenApi.FORBIDDEN)
@ApiResponse(responseCode = "429", ref = OpenApi.TOO_MANY_REQUESTS)
@ApiResponse(responseCode = "503", ref = OpenApi.UNAVAILABLE)
public class AccountsResource {

    private final Supplier<AccountAdministration> accounts;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    AccountsResource(Supplier<AccountAdministration> accounts) {
        this.accounts = accounts;
    }

    /** An account as the API shows it: never a password. */
    public record AccountView(String name, @ArraySchema(schema = @Schema(implementation = SessionResource.GrantView.class))
            List<SessionResource.GrantView> roles) {
        static AccountView of(AccountAdministration.Account account) {
            return new AccountView(account.name(), account.roles().stream().map(role -> {
                int colon = role.indexOf(':');
                return colon < 0 ? new SessionResource.GrantView(role, null)
                        : new SessionResource.GrantView(role.substring(0, colon), role.substring(colon + 1));
            }).toList());
        }
    }

    public record NewAccount(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[a-z0-9][a-z0-9._-]{1,49}$") String name,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 10, maxLength = 200) String password,
                             @ArraySchema(minItems = 1, maxItems = 20, schema = @Schema(example = "clerk:520102")) List<String> roles) {
        @Override
        public String toString() {
            return "NewAccount[name=" + name + ", roles=" + roles + "]";
        }
    }

    public record RoleGrant(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "unit:520102-GAJ") String role) {
    }

    public record NewPassword(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 10, maxLength = 200) String password) {
        @Override
        public String toString() {
            return "NewPassword[]";
        }
    }

    @GET
    @Operation(operationId = "listAccounts", summary = "Every account with its roles", responses =
            @ApiResponse(responseCode = "200", description = "The accounts, by name",
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = AccountView.class)))))
    public List<AccountView> list() {
        return Services.required(accounts, "account administration").list(caller()).stream().map(AccountView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAccount", summary = "Add an account with its roles", responses = {
            @ApiResponse(responseCode = "201", description = "Created",
                    content = @Content(schema = @Schema(implementation = AccountView.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST),
            @ApiResponse(responseCode = "409", ref = OpenApi.ACCOUNT_CONFLICT),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE)})
    public Response create(@RequestBody(required = true) NewAccount account) {
        if (account == null) {
            throw AccountRefused.invalid(List.of(new Violation("", "name, password and roles are required")));
        }
        AccountAdministration.Account created = Services.required(accounts, "account administration")
                .create(caller(), account.name(), account.password(), account.roles());
        URI location = uriInfo.getAbsolutePathBuilder().path(created.name()).build();
        return Response.created(location).entity(AccountView.of(created)).build();
    }

    @POST
    @Path("/{name}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "grantRole", summary = "Give an account a platform role", responses = {
            @ApiResponse(responseCode = "200", description = "The account",
                    content = @Content(schema = @Schema(implementation = AccountView.class))),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST),
            @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE)})
    public AccountView grant(@PathParam("name") String name, @RequestBody(required = true) RoleGrant grant) {
        return AccountView.of(Services.required(accounts, "account administration").grant(caller(), name, grant == null ? null : grant.role()));
    }

    @DELETE
    @Path("/{name}/roles/{role}")
    @Operation(operationId = "revokeRole", summary = "Take a role from an account", responses = {
            @ApiResponse(responseCode = "200", description = "The account",
                    content = @Content(schema = @Schema(implementation = AccountView.class))),
            @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ACCOUNT_CONFLICT)})
    public AccountView revoke(@PathParam("name") String name, @PathParam("role") String role) {
        return AccountView.of(Services.required(accounts, "account administration").revoke(caller(), name, role));
    }

    @POST
    @Path("/{name}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resetPassword", summary = "Set an account's password", responses = {
            @ApiResponse(responseCode = "204", description = "Set; the account's desk sessions end"),
            @ApiResponse(responseCode = "400", ref = OpenApi.BAD_REQUEST),
            @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "415", ref = OpenApi.UNSUPPORTED_MEDIA_TYPE)})
    public Response resetPassword(@PathParam("name") String name, @RequestBody(required = true) NewPassword password) {
        Services.required(accounts, "account administration").resetPassword(caller(), name, password == null ? null : password.password());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{name}")
    @Operation(operationId = "deleteAccount", summary = "Remove an account", responses = {
            @ApiResponse(responseCode = "204", description = "Removed"),
            @ApiResponse(responseCode = "404", ref = OpenApi.NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = OpenApi.ACCOUNT_CONFLICT)})
    public Response delete(@PathParam("name") String name) {
        Services.required(accounts, "account administration").delete(caller(), name);
        return Response.noContent().build();
    }

    private Caller caller() {
        return AccessFilter.caller(security);
    }
}
