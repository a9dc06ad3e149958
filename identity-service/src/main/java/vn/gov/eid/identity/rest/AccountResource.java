package vn.gov.eid.identity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.gov.eid.identity.service.AccountService;
import vn.gov.eid.identity.service.AccountService.AccountView;

/** Account look-ups for operators and partner systems; never a secret or contact data. */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    AccountService accounts;

    @GET
    @Path("/{personalIdNumber}")
    @RolesAllowed({"operator", "partner"})
    public AccountView get(@PathParam("personalIdNumber")
            @Pattern(regexp = "\\d{12}", message = "must be 12 digits") String personalIdNumber) {
        return accounts.get(personalIdNumber);
    }
}
