package org.gpconnect.accessrecord.structured.rest;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.gpconnect.common.security.InternalHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Names the patient of the request ({@link AuditedPatient}) on its response, success or error. */
public class AuditedPatientFilter {

    private final AuditedPatient patient;

    public AuditedPatientFilter(AuditedPatient patient) {
        this.patient = patient;
    }

    @ServerResponseFilter
    public void name(ContainerResponseContext response) {
        if (patient.nhsNumber() != null) {
            response.getHeaders().putSingle(InternalHeaders.AUDIT_PATIENT_NHS_NUMBER, patient.nhsNumber());
        }
    }
}
