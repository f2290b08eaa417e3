package org.gpconnect.accessrecord.html.rest;

import ca.uhn.fhir.model.dstu2.resource.Bundle;
import io.quarkus.vertx.http.Compressed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.LocalDate;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.html.request.CareRecordParametersReader;
import org.gpconnect.accessrecord.html.request.CareRecordRequest;
import org.gpconnect.accessrecord.html.request.CareRecordRequestValidator;
import org.gpconnect.accessrecord.html.service.CareRecordService;
import org.gpconnect.accessrecord.structured.rest.AuditedPatient;
import org.gpconnect.accessrecord.structured.rest.OperationBody;
import org.gpconnect.accessrecord.structured.service.PracticeAccess;

/**
 * {@code POST [HTML base]/Patient/$gpc.getcarerecord} (access-record-html.md §1-§3), GP Connect 0.7.4 on
 * FHIR DSTU2. Order of checks: practice served, GP Connect and Access Record HTML switched on there (404 /
 * 403 ACCESS DENIED, before the body is read), the Parameters (§2), the patient (§2), then the section's view.
 * The internal token (verified for every path) and its consumer role ({@code ConsumerRoleFilter}) are checked
 * before this runs; the NHS number, once valid, names the patient for the gateway's audit
 * ({@link AuditedPatient}).
 */
@Path("/{ods}/DSTU2/1/gpconnect/fhir/Patient/$gpc.getcarerecord")
public class CareRecordResource {

    private final PracticeAccess practices;
    private final CareRecordParametersReader reader;
    private final CareRecordRequestValidator validator;
    private final CareRecordService service;
    private final AuditedPatient audited;
    private final AccessRecordConfig config;
    private final OperationBody operationBody;

    public CareRecordResource(PracticeAccess practices, CareRecordParametersReader reader, CareRecordRequestValidator validator,
                              CareRecordService service, AuditedPatient audited, AccessRecordConfig config, OperationBody operationBody) {
        this.practices = practices;
        this.reader = reader;
        this.validator = validator;
        this.service = service;
        this.audited = audited;
        this.config = config;
        this.operationBody = operationBody;
    }

    @POST
    @Compressed
    public Uni<Bundle> getCareRecord(@PathParam("ods") String ods, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                     byte[] body) {
        return practices.requireHtml(ods).chain(practice -> {
            LocalDate today = LocalDate.now(config.timeZone());
            CareRecordRequest request = validator.validate(reader.read(operationBody.bounded(body), OperationBody.format(contentType)));
            audited.set(request.nhsNumber());
            return service.sharedPatient(practice, request.nhsNumber(), today)
                    .chain(patient -> service.careRecord(practice, patient, request, today));
        });
    }
}
