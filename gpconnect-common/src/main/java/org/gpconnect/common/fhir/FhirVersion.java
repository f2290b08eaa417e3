package org.gpconnect.common.fhir;

import java.util.Optional;

/**
 * The FHIR releases GP Connect is served in. The name is the {@code FHIR_VERSION_NAME} segment of a
 * provider service root URL ({@code /{ODS}/{FHIR_VERSION_NAME}/{major}/...}, foundations.md §1), so the
 * version of a request can be read from its path.
 */
public enum FhirVersion {
    /** FHIR 3.0.1: every 1.x capability. */
    STU3("application/fhir+json", "application/fhir+xml"),
    /** FHIR 1.0.2: Access Record HTML 0.7.4 only, with the DSTU2-era media types. */
    DSTU2("application/json+fhir", "application/xml+fhir");

    private final String jsonMediaType;
    private final String xmlMediaType;

    FhirVersion(String jsonMediaType, String xmlMediaType) {
        this.jsonMediaType = jsonMediaType;
        this.xmlMediaType = xmlMediaType;
    }

    /** The media type this version's responses are labelled with for the given format. */
    public String mediaType(FhirFormat format) {
        return format == FhirFormat.JSON ? jsonMediaType : xmlMediaType;
    }

    /** Reads the version segment of a service-root path; empty when the path is not a FHIR path. */
    public static Optional<FhirVersion> fromPath(String path) {
        // "/{ODS}/{VERSION}/..." : the version is the second segment, upper case, matched exactly
        if (path == null || path.length() < 2 || path.charAt(0) != '/') {
            return Optional.empty();
        }
        int first = path.indexOf('/', 1);
        if (first < 0) {
            return Optional.empty();
        }
        int second = path.indexOf('/', first + 1);
        String segment = second < 0 ? path.substring(first + 1) : path.substring(first + 1, second);
        for (FhirVersion v : values()) {
            if (v.name().equals(segment)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
