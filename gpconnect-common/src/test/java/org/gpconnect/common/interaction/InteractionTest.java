package org.gpconnect.common.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** foundations.md §7: each interaction ID fits exactly one method and path. */
class InteractionTest {

    private static final String P = "urn:nhs:names:services:gpconnect:";

    @ParameterizedTest
    @CsvSource({
            "fhir:rest:read:metadata-1, GET, /metadata, METADATA_READ",
            "fhir:rest:read:patient-1, GET, /Patient/2, PATIENT_READ",
            "fhir:rest:search:patient-1, GET, /Patient, PATIENT_SEARCH",
            "fhir:operation:gpc.registerpatient-1, POST, /Patient/$gpc.registerpatient, REGISTER_PATIENT",
            "fhir:rest:read:practitioner-1, GET, /Practitioner/1, PRACTITIONER_READ",
            "fhir:rest:search:practitioner-1, GET, /Practitioner, PRACTITIONER_SEARCH",
            "fhir:rest:read:organization-1, GET, /Organization/7, ORGANIZATION_READ",
            "fhir:rest:search:organization-1, GET, /Organization, ORGANIZATION_SEARCH",
            "fhir:rest:read:location-1, GET, /Location/1, LOCATION_READ",
            "fhir:rest:search:slot-1, GET, /Slot, SLOT_SEARCH",
            "fhir:rest:create:appointment-1, POST, /Appointment, APPOINTMENT_CREATE",
            "fhir:rest:read:appointment-1, GET, /Appointment/a-1.2, APPOINTMENT_READ",
            "fhir:rest:update:appointment-1, PUT, /Appointment/9, APPOINTMENT_AMEND",
            "fhir:rest:cancel:appointment-1, PUT, /Appointment/9, APPOINTMENT_CANCEL",
            "fhir:rest:search:patient_appointments-1, GET, /Patient/2/Appointment, PATIENT_APPOINTMENTS",
            "fhir:operation:gpc.getstructuredrecord-1, POST, /Patient/$gpc.getstructuredrecord, STRUCTURED_RECORD",
            "structured:fhir:rest:read:metadata-1, GET, /metadata, STRUCTURED_METADATA_READ",
            "fhir:operation:gpc.getcarerecord, POST, /Patient/$gpc.getcarerecord, HTML_CARE_RECORD",
            "fhir:operation:gpc.getcarerecord-1, POST, /Patient/$gpc.getcarerecord, HTML_CARE_RECORD",
            "fhir:rest:read:metadata, GET, /metadata, HTML_METADATA_READ"})
    void idMatchesItsMethodAndPath(String suffix, String method, String path, Interaction expected) {
        assertThat(InteractionCatalogue.matching(P + suffix, method, path)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "fhir:rest:read:metadata-1, POST, /metadata",
            "fhir:rest:read:metadata-1, GET, /Metadata",
            "fhir:rest:read:metadata-1, GET, /metadata/",
            "fhir:rest:read:metadata-1, GET, /metadatas",
            "fhir:rest:read:patient-1, GET, /Patient",
            "fhir:rest:read:patient-1, GET, /Patient/",
            "fhir:rest:read:patient-1, GET, /Patient/1/2",
            "fhir:rest:read:patient-1, GET, /Patient/a%2Fb",
            "fhir:rest:read:patient-1, GET, /Patient/..",
            "fhir:rest:read:patient-1, get, /Patient/1",
            "fhir:rest:search:patient-1, GET, /Patient/1",
            "fhir:rest:read:appointment-1, PUT, /Appointment/1",
            "fhir:rest:create:appointment-1, POST, /Appointment/1",
            "fhir:operation:gpc.registerpatient-1, POST, /Patient/$gpc.getstructuredrecord"})
    void mismatchedRequestsDoNotMatch(String suffix, String method, String path) {
        assertThat(InteractionCatalogue.matching(P + suffix, method, path)).isEmpty();
    }

    @Test
    void unknownAndWrongCaseIdsAreUnknown() {
        assertThat(InteractionCatalogue.byId(P + "fhir:rest:read:metadata-2")).isEmpty();
        assertThat(InteractionCatalogue.byId("URN:NHS:NAMES:SERVICES:GPCONNECT:FHIR:REST:READ:METADATA-1")).isEmpty();
        assertThat(InteractionCatalogue.byId(null)).isEmpty();
        assertThat(InteractionCatalogue.byId("")).isEmpty();
    }

    @Test
    void logicalIdsAreAtMost64Characters() {
        assertThat(Interaction.PATIENT_READ.matches("GET", "/Patient/" + "a".repeat(64))).isTrue();
        assertThat(Interaction.PATIENT_READ.matches("GET", "/Patient/" + "a".repeat(65))).isFalse();
    }

    @Test
    void scopesAndCapabilities() {
        assertThat(Interaction.SLOT_SEARCH.scope()).isEqualTo(Scope.ORGANIZATION_READ);
        assertThat(Interaction.APPOINTMENT_CANCEL.scope()).isEqualTo(Scope.PATIENT_WRITE);
        assertThat(Interaction.STRUCTURED_RECORD.capability()).isEqualTo(Capability.ACCESS_RECORD_STRUCTURED);
        assertThat(Interaction.MIGRATE_STRUCTURED_RECORD.capability().served()).isFalse();
        assertThat(Interaction.DOCUMENTS_SEARCH.capability().served()).isFalse();
    }
}
