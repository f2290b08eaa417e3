package org.gpconnect.accessrecord.structured.rest;

import io.quarkus.vertx.http.Compressed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.LocalDate;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.structured.request.ParametersBodyReader;
import org.gpconnect.accessrecord.structured.request.RequestValidator;
import org.gpconnect.accessrecord.structured.request.StructuredRecordRequest;
import org.gpconnect.accessrecord.structured.service.PracticeAccess;
import org.gpconnect.accessrecord.structured.service.StructuredRecordService;
import org.gpconnect.common.security.RequestContexts;
import org.hl7.fhir.dstu3.model.Bundle;

/**
 * {@code POST [structured base]/Patient/$gpc.getstructuredrecord} (access-record-structured.md §1-§9).
 * Order of checks: practice served and switched on (404 / 403 ACCESS DENIED), the body (§3), the patient
 * (§9), then the record. The body is taken as bytes and parsed here, not by the shared FHIR reader: see
 * {@link ParametersBodyReader} for why.
 */
@Path("/{ods}/STU3/1/gpconnect/structured/fhir/Patient/$gpc.getstructuredrecord")
public class StructuredRecordResource {

    private final PracticeAccess practices;
    private final ParametersBodyReader reader;
    private final RequestValidator validator;
    private final StructuredRecordService service;
    private final RequestContexts contexts;
    private final AuditedPatient audited;
    private final AccessRecordConfig config;
    private final OperationBody operationBody;

    public StructuredRecordResource(PracticeAccess practices, ParametersBodyReader reader, RequestValidator validator,
                                    StructuredRecordService service, RequestContexts contexts, AuditedPatient audited,
                                    AccessRecordConfig config, OperationBody operationBody) {
        this.practices = practices;
        this.reader = reader;
        this.validator = validator;
        this.service = service;
        this.contexts = contexts;
        this.audited = audited;
        this.config = config;
        this.operationBody = operationBody;
    }

    @POST
    @Compressed
    public Uni<Bundle> getStructuredRecord(@PathParam("ods") String ods,
                                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        // the Ssp-TraceID the gateway validated (read on the request, before the work leaves it)
        String traceId = contexts.current().traceId();
        return practices.requireStructured(ods).chain(practice -> {
            LocalDate today = LocalDate.now(config.timeZone());
            StructuredRecordRequest request = validator.validate(reader.read(operationBody.bounded(body), OperationBody.format(contentType)), today);
            audited.set(request.nhsNumber());
            return service.sharedPatient(practice, request.nhsNumber())
                    .chain(patient -> service.record(practice, patient, request, traceId, today));
        });
    }
}
