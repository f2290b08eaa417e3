package org.gpconnect.common.fhir;

/** The two wire formats of a FHIR resource. */
public enum FhirFormat {
    JSON,
    XML
}
