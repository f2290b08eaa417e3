package org.gpconnect.accessrecord.structured.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.record.consultation.ConsultationRecord;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Duration;
import org.hl7.fhir.dstu3.model.Encounter.EncounterStatus;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * A consultation as a CareConnect-GPC-Encounter-1 (access-record-structured.md §8): identifier, status
 * {@code finished} (or {@code unknown} for a draft), type (the consultation type as the GP system shows it,
 * coded when known), subject, participants (the recorder, type {@code REC}, always; the primary performer,
 * {@code PPRF}, when recorded), period (start; end and length when known) and the service provider. Not
 * used: class, reason, diagnosis, hospitalization.
 */
@ApplicationScoped
public class EncounterMapper {

    /** GP Connect's participant types (the recorder). */
    static final String CS_GPC_PARTICIPANT_TYPE = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-ParticipantType-1";
    /** HL7 v3 participation types (the primary performer). */
    static final String CS_V3_PARTICIPATION_TYPE = "http://hl7.org/fhir/v3/ParticipationType";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final ClinicalResources resources;
    private final ZoneId zone;

    public EncounterMapper(ClinicalResources resources, AccessRecordConfig config) {
        this.resources = resources;
        this.zone = config.timeZone();
    }

    public Encounter toFhir(ConsultationRecord c, Reference patient) {
        Encounter encounter = resources.stamp(new Encounter(), c.id(), CareConnectProfiles.ENCOUNTER);
        encounter.addIdentifier(resources.identifier(c.id()));
        encounter.setStatus("unknown".equals(c.status()) ? EncounterStatus.UNKNOWN : EncounterStatus.FINISHED);
        CodeableConcept type = c.typeCode() != null
                ? ClinicalResources.snomed(c.typeCode(), c.typeDisplay()) : new CodeableConcept();
        encounter.addType(type.setText(c.typeText()));
        encounter.setSubject(patient.copy());
        Reference recorder = c.recorderId() != null ? ClinicalResources.practitioner(c.recorderId())
                : new Reference().setDisplay(c.recorderDisplay());
        encounter.addParticipant()
                .addType(new CodeableConcept().addCoding(new Coding(CS_GPC_PARTICIPANT_TYPE, "REC", "recorder")))
                .setIndividual(recorder);
        if (c.performerId() != null) {
            encounter.addParticipant()
                    .addType(new CodeableConcept().addCoding(new Coding(CS_V3_PARTICIPATION_TYPE, "PPRF", "primary performer")))
                    .setIndividual(ClinicalResources.practitioner(c.performerId()));
        }
        Period period = new Period().setStartElement(dateTime(c.start()));
        if (c.end() != null) {
            period.setEndElement(dateTime(c.end()));
            long minutes = java.time.Duration.between(c.start(), c.end()).toMinutes();
            Duration length = new Duration();
            length.setValue(minutes).setUnit("min").setSystem(CareConnectProfiles.UCUM).setCode("min");
            encounter.setLength(length);
        }
        encounter.setPeriod(period);
        encounter.setServiceProvider(new Reference("Organization/" + c.serviceProviderOrganizationId()));
        return encounter;
    }

    private DateTimeType dateTime(OffsetDateTime at) {
        return new DateTimeType(DATE_TIME.format(at.atZoneSameInstant(zone)));
    }
}
