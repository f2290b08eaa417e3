package org.gpconnect.common.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The FHIR contexts, one per FHIR release, created once per JVM. A {@link FhirContext} is expensive to
 * build (it scans the whole model) and thread-safe once built, so every parser in the suite comes from
 * these two.
 */
public final class FhirContexts {

    private FhirContexts() {
    }

    public static FhirContext stu3() {
        return FhirContext.forDstu3Cached();
    }

    public static FhirContext dstu2() {
        return FhirContext.forDstu2Cached();
    }

    public static FhirContext of(FhirVersion version) {
        return version == FhirVersion.DSTU2 ? dstu2() : stu3();
    }

    /** The context a model class belongs to, judged by the HAPI structures package it comes from. */
    public static FhirContext forModel(Class<?> type) {
        return versionOf(type) == FhirVersion.DSTU2 ? dstu2() : stu3();
    }

    public static FhirVersion versionOf(Class<?> type) {
        return type.getName().startsWith("ca.uhn.fhir.model.dstu2.") ? FhirVersion.DSTU2 : FhirVersion.STU3;
    }

    public static FhirVersion versionOf(IBaseResource resource) {
        return versionOf(resource.getClass());
    }
}
