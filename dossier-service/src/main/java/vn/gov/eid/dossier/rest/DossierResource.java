package vn.gov.eid.dossier.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.eid.dossier.domain.Dossier;
import vn.gov.eid.dossier.domain.IntegratedDocumentType;
import vn.gov.eid.dossier.domain.Role;
import vn.gov.eid.dossier.service.BiometricsCapture;
import vn.gov.eid.dossier.service.DossierContacts;
import vn.gov.eid.dossier.service.DossierQuery;
import vn.gov.eid.dossier.service.EvidenceService;
import vn.gov.eid.dossier.service.NewDossier;
import vn.gov.eid.dossier.service.OpenDossierExists;
import vn.gov.eid.dossier.service.RecordedReads;
import vn.gov.eid.dossier.service.SubmissionService;
import vn.gov.eid.dossier.service.WorkflowService;
import vn.gov.eid.platform.http.LargeBody;

/** HTTP API of card dossiers: submission, workflow transitions, reads, partner lookups and the audit trail. */
@Path("/api/v1/dossiers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Dossiers",
        description = "Card dossiers (ISSUE, EXCHANGE, REISSUE) with the e-ID registration: submission by officers,"
                + " the review workflow, biometrics, the audit trail, and partner look-ups by personal ID number."
                + " Dossiers hold personal data (identity, relatives, addresses, contacts, biometrics)")
@SecurityRequirement(name = "jwt")
public class DossierResource {
    @Inject
    SubmissionService submissions;

    @Inject
    WorkflowService workflow;

    @Inject
    EvidenceService evidence;

    @Inject
    DossierQuery query;

    @Inject
    RecordedReads reads;

    @Inject
    DossierContacts contacts;

    @Inject
    SecurityIdentity identity;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed(Role.OFFICER)
    @Operation(
            operationId = "submitDossier",
            summary = "Submit a dossier",
            description = "Opens a dossier in SUBMITTED. Officer only.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the dossier",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DossierView.class),
                            examples = @ExampleObject(name = "201", value = OpenApiExamples.DOSSIER)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields, nothing stored",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "400", value = OpenApiExamples.VALIDATION_PROBLEM)))
    @APIResponse(
            responseCode = "409",
            description = "The person has an open dossier (or a card, for ISSUE)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "409", value = OpenApiExamples.OPEN_DOSSIER_PROBLEM)))
    @APIResponse(responseCode = "413", description = "Body larger than the configured limit, nothing stored")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    public Response submit(
            @Valid
                    @NotNull
                    @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = {
                                                @ExampleObject(name = "ISSUE", value = OpenApiExamples.SUBMIT),
                                                @ExampleObject(name = "EXCHANGE", value = OpenApiExamples.EXCHANGE)
                                            }))
                    NewDossier body,
            @Parameter(
                            description = "Client-chosen key (1 to 128 printable ASCII characters, no spaces); a "
                                    + "retry with the same key and body returns the first answer instead of "
                                    + "creating a second dossier")
                    @HeaderParam(RequestHeaders.IDEMPOTENCY_KEY)
                    String rawIdempotencyKey) {
        String idempotencyKey = RequestHeaders.idempotencyKey(rawIdempotencyKey);
        SubmissionService.Submission s;
        try {
            s = submissions.submit(body, actor(), idempotencyKey);
        } catch (OpenDossierExists e) {
            // A simultaneous retry with the same key may have won the race: answer what it answered.
            s = idempotencyKey == null ? null : submissions.replayAfterConflict(body, actor(), idempotencyKey);
            if (s == null) {
                throw e;
            }
        }
        Dossier d = s.dossier();
        Response.ResponseBuilder r = Response.created(uriInfo.getBaseUriBuilder()
                        .path(DossierResource.class)
                        .path(d.id.toString())
                        .build())
                .tag(etag(d))
                .entity(staffView(d));
        if (s.replayed()) {
            r.header("Idempotent-Replayed", "true");
        }
        return r.build();
    }

    @GET
    @RolesAllowed({Role.OFFICER, Role.SUPERVISOR})
    @Operation(
            operationId = "searchDossiers",
            summary = "Search dossiers",
            description = "Filters: status, personalIdNumber, type, createdFrom (inclusive) and createdTo (exclusive) "
                    + "as RFC 3339 instants. Newest first; page and size bounded by configuration. Staff only: "
                    + "partners look a person up by personal ID number instead. Biometrics are never listed.")
    @APIResponse(
            responseCode = "200",
            description = "A page of dossiers",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DossierPage.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid filter",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "400", value = OpenApiExamples.VALIDATION_PROBLEM)))
    public DossierPage search(
            @QueryParam("status") String status,
            @QueryParam("personalIdNumber") String personalIdNumber,
            @QueryParam("type") String type,
            @QueryParam("createdFrom") String createdFrom,
            @QueryParam("createdTo") String createdTo,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        DossierQuery.Result r = query.search(
                new DossierQuery.Filter(status, personalIdNumber, type, createdFrom, createdTo, page, size));
        return new DossierPage(r.items().stream().map(this::staffView).toList(), r.page(), r.size(), r.total());
    }

    @GET
    @Path("by-personal-id/{personalIdNumber}")
    @RolesAllowed(Role.PARTNER)
    @Operation(
            operationId = "lookUpDossiersByPersonalId",
            summary = "Look a person's dossiers up (partners)",
            description = "Exact lookup by personal ID number: the person's dossiers, newest first, in the reduced "
                    + "partner view (identity, type, status, eidRegistered; no contacts, relatives or addresses). "
                    + "X-Purpose is required. Counted against the client's quota (429 with Retry-After beyond it) "
                    + "and recorded with client, time, personal ID number and purpose.")
    @APIResponse(
            responseCode = "200",
            description = "The person's dossiers (an empty list when there are none)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonDossiers.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.LOOKUP)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed personal ID number, or X-Purpose missing or too long",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "400", value = OpenApiExamples.PURPOSE_PROBLEM)))
    @APIResponse(
            responseCode = "429",
            description = "The client's lookup quota is used up; Retry-After says when to come back",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "429", value = OpenApiExamples.QUOTA_PROBLEM)))
    public PersonDossiers lookup(
            @PathParam("personalIdNumber") String personalIdNumber,
            @Parameter(
                            required = true,
                            description = "Why the person is looked up (1 to 200 printable ASCII characters), "
                                    + "e.g. a contract reference and a reason; kept in the access log")
                    @HeaderParam(RequestHeaders.PURPOSE)
                    String purpose) {
        String declared = RequestHeaders.purpose(purpose);
        return new PersonDossiers(reads.partnerLookup(actor(), personalIdNumber, declared).stream()
                .map(DossierView::partner)
                .toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.OFFICER, Role.SUPERVISOR})
    @Operation(
            operationId = "getDossier",
            summary = "Read a dossier",
            description = "Staff only; every read is recorded in the access log.")
    @APIResponse(
            responseCode = "200",
            description = "The dossier; ETag carries its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DossierView.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.DOSSIER)))
    @APIResponse(responseCode = "404", description = "No such dossier")
    public Response get(@PathParam("id") UUID id) {
        Dossier d = reads.staffRead(id, actor());
        return Response.ok(staffView(d)).tag(etag(d)).build();
    }

    @POST
    @Path("{id}/transitions")
    @RolesAllowed({Role.OFFICER, Role.SUPERVISOR})
    @Operation(
            operationId = "transitionDossier",
            summary = "Move a dossier along the workflow",
            description =
                    "Officers: START_REVIEW, REQUEST_SUPPLEMENT, RESUBMIT. Supervisors: APPROVE, REJECT "
                            + "(note required), COMPLETE. 409 when the state does not allow the action, 412 when If-Match is stale.")
    @APIResponse(
            responseCode = "200",
            description = "The dossier in its new state",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DossierView.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.DOSSIER)))
    @APIResponse(
            responseCode = "409",
            description = "The state does not allow the action",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "409", value = OpenApiExamples.TRANSITION_PROBLEM)))
    @APIResponse(
            responseCode = "412",
            description = "If-Match is stale",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "412", value = OpenApiExamples.STALE_PROBLEM)))
    public Response transition(
            @PathParam("id") UUID id,
            @Valid
                    @NotNull
                    @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = {
                                                @ExampleObject(
                                                        name = "START_REVIEW",
                                                        value = OpenApiExamples.TRANSITION),
                                                @ExampleObject(name = "REJECT", value = OpenApiExamples.REJECT)
                                            }))
                    TransitionRequest body,
            @Parameter(description = "ETag of the dossier as last read") @HeaderParam(RequestHeaders.IF_MATCH)
                    String ifMatch) {
        Dossier d = workflow.transition(
                id, body.action(), body.note(), actor(), identity.getRoles(), IfMatch.version(ifMatch));
        return Response.ok(staffView(d)).tag(etag(d)).build();
    }

    @GET
    @Path("{id}/biometrics")
    @RolesAllowed({Role.OFFICER, Role.SUPERVISOR})
    @Operation(
            operationId = "getBiometricsSummary",
            summary = "What biometrics are on file",
            description = "The summary of the capture (portrait size and dimensions, fingers and quality scores, who "
                    + "and when), never the images or templates. 404 biometrics-not-captured before a capture, 404 "
                    + "biometrics-purged (with purgedAt) once the retention period of a closed dossier has passed.")
    @APIResponse(
            responseCode = "200",
            description = "What is on file",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BiometricsSummary.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.BIOMETRICS_SUMMARY)))
    @APIResponse(
            responseCode = "404",
            description = "No such dossier, nothing captured, or deleted after the retention period",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "404", value = OpenApiExamples.BIOMETRICS_PURGED_PROBLEM)))
    public BiometricsSummary biometrics(@PathParam("id") UUID id) {
        return BiometricsSummary.of(query.biometrics(id));
    }

    @PUT
    @Path("{id}/biometrics")
    @RolesAllowed(Role.OFFICER)
    @LargeBody
    @Operation(
            operationId = "captureBiometrics",
            summary = "Capture biometrics",
            description = "Portrait (base64 JPEG within the configured size and dimensions) and fingerprint templates "
                    + "per finger with a quality score. Replaces an earlier capture; required before APPROVE. "
                    + "The answer describes what was stored, never the images themselves.")
    @APIResponse(
            responseCode = "200",
            description = "What was stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BiometricsSummary.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.BIOMETRICS_SUMMARY)))
    @APIResponse(responseCode = "413", description = "Body larger than the biometrics body limit, nothing stored")
    @APIResponse(
            responseCode = "400",
            description = "Portrait or fingerprints outside the limits",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "400", value = OpenApiExamples.VALIDATION_PROBLEM)))
    public Response captureBiometrics(
            @PathParam("id") UUID id,
            @Valid
                    @NotNull
                    @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = {
                                                @ExampleObject(name = "capture", value = OpenApiExamples.BIOMETRICS)
                                            }))
                    BiometricsCapture body,
            @HeaderParam(RequestHeaders.IF_MATCH) String ifMatch) {
        EvidenceService.Captured c = evidence.captureBiometrics(id, body, actor(), IfMatch.version(ifMatch));
        return Response.ok(BiometricsSummary.of(c.biometrics()))
                .tag(etag(c.dossier()))
                .build();
    }

    @POST
    @Path("{id}/integrated-documents/{type}/verification")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.OFFICER)
    @Operation(
            operationId = "verifyIntegratedDocument",
            summary = "Confirm an integrated document's original",
            description = "The officer compared the original the citizen brought; unverified documents block COMPLETE.")
    @APIResponse(
            responseCode = "200",
            description = "The dossier with the document verified",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DossierView.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.DOSSIER)))
    @APIResponse(responseCode = "404", description = "The dossier has no document of that type")
    public Response verifyDocument(
            @PathParam("id") UUID id,
            @PathParam("type") IntegratedDocumentType type,
            @HeaderParam(RequestHeaders.IF_MATCH) String ifMatch) {
        Dossier d = evidence.verifyDocument(id, type, actor(), IfMatch.version(ifMatch));
        return Response.ok(staffView(d)).tag(etag(d)).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Role.OFFICER, Role.SUPERVISOR})
    @Operation(
            operationId = "getDossierHistory",
            summary = "Audit trail of a dossier",
            description = "Every change: who, when, from, to, note.")
    @APIResponse(
            responseCode = "200",
            description = "The audit trail, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryView.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.HISTORY)))
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return query.history(id).stream().map(HistoryView::of).toList();
    }

    /** The staff view; opens the dossier's contact data to show the masked phone and the e-mail address. */
    private DossierView staffView(Dossier d) {
        return DossierView.staff(d, contacts.of(d));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    static EntityTag etag(Dossier d) {
        return new EntityTag(Long.toString(d.version));
    }
}
