package org.gpconnect.bench;

/** The structured-record request the benchmark sends: patient2, every clinical area, no filters. */
final class StructuredRequests {

    static final String ALL_AREAS_PATIENT2 = "{\"resourceType\":\"Parameters\",\"parameter\":["
            + "{\"name\":\"patientNHSNumber\",\"valueIdentifier\":{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9690937286\"}},"
            + "{\"name\":\"includeAllergies\",\"part\":[{\"name\":\"includeResolvedAllergies\",\"valueBoolean\":true}]},"
            + "{\"name\":\"includeMedication\"},"
            + "{\"name\":\"includeConsultations\"},"
            + "{\"name\":\"includeProblems\"},"
            + "{\"name\":\"includeImmunisations\"},"
            + "{\"name\":\"includeUncategorisedData\"},"
            + "{\"name\":\"includeInvestigations\"},"
            + "{\"name\":\"includeReferrals\"},"
            + "{\"name\":\"includeDiaryEntries\"}]}";

    private StructuredRequests() {
    }
}
