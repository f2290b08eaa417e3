package org.gpconnect.accessrecord.structured.rest;

import jakarta.enterprise.context.RequestScoped;
import org.gpconnect.common.security.InternalHeaders;

/**
 * The NHS number a request concerned, once known (the operation carries it in its body, not the URL):
 * every response from then on, the record or a 404/403 about the patient, names it for the gateway's
 * audit record ({@link InternalHeaders#AUDIT_PATIENT_NHS_NUMBER}; the gateway strips it).
 */
@RequestScoped
public class AuditedPatient {

    private String nhsNumber;

    public void set(String nhsNumber) {
        this.nhsNumber = nhsNumber;
    }

    /** The NHS number named by this request, or null. */
    public String nhsNumber() {
        return nhsNumber;
    }
}
