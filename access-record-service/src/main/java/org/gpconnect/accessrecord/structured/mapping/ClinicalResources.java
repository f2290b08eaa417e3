package org.gpconnect.accessrecord.structured.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DomainResource;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * What every clinical resource carries (access-record-structured.md §8): its id, its profile, and the
 * persistent, provider-namespaced identifier. Never {@code meta.versionId} or {@code meta.lastUpdated}.
 */
@ApplicationScoped
public class ClinicalResources {

    private final String identifierSystem;

    public ClinicalResources(AccessRecordConfig config) {
        this.identifierSystem = config.identifierSystem();
    }

    public <R extends DomainResource> R stamp(R resource, UUID id, String profile) {
        resource.setId(id.toString());
        resource.getMeta().addProfile(profile);
        return resource;
    }

    public Identifier identifier(UUID id) {
        return new Identifier().setSystem(identifierSystem).setValue(id.toString());
    }

    public static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    public static CodeableConcept snomed(String code, String display) {
        return concept(CareConnectProfiles.SNOMED, code, display);
    }

    public static Reference practitioner(String id) {
        return new Reference("Practitioner/" + id);
    }

    /** A day as FHIR date/dateTime text: no time, no zone. */
    public static DateTimeType day(LocalDate date) {
        return new DateTimeType(date.toString());
    }
}
