package vn.gov.eid.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import vn.gov.eid.platform.error.DomainException;

/** Test-only endpoints that raise each kind of error the platform maps to problem+json. */
@Path("/probe")
public class ProbeResource {

    public enum Kind {
        ISSUE,
        EXCHANGE
    }

    public record Body(
            Kind kind,
            @NotBlank String name,

            @Pattern(regexp = "\\d{12}", message = "must be 12 digits")
            String personalIdNumber) {}

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    public String validate(@Valid Body body) {
        return "ok";
    }

    @POST
    @Path("/conflict")
    public String conflict() {
        throw DomainException.conflict("dossier-open", "Open dossier exists", "an open dossier exists")
                .with("openDossierId", "d-1");
    }

    @jakarta.ws.rs.GET
    @Path("/secured")
    @jakarta.annotation.security.RolesAllowed("operator")
    public String secured() {
        return "secret";
    }

    /** A form endpoint like identity-service's token endpoint: the form is decoded by Quarkus REST. */
    @POST
    @Path("/form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String form(@jakarta.ws.rs.FormParam("x") String x) {
        return "form";
    }

    /** A query parameter decoded by Quarkus REST. */
    @jakarta.ws.rs.GET
    @Path("/query")
    public String query(@jakarta.ws.rs.QueryParam("a") String a) {
        return "query";
    }

    @POST
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internals that must not leak");
    }
}
