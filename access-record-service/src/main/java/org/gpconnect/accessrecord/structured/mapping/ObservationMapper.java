package org.gpconnect.accessrecord.structured.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.record.observation.ObservationRecord;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Observation.ObservationStatus;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Quantity;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * An observation as a CareConnect-GPC-Observation-1 (access-record-structured.md §8): status
 * {@code final}, code, subject, issued and performer; the effective time when recorded; a value
 * (quantity in UCUM, or text) and comment when present. A blood pressure carries its systolic and
 * diastolic components and never a value.
 */
@ApplicationScoped
public class ObservationMapper {

    /** FHIR dateTime with seconds and offset (FHIR requires seconds whenever a time is given). */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final ClinicalResources resources;
    private final ZoneId zone;

    public ObservationMapper(ClinicalResources resources, AccessRecordConfig config) {
        this.resources = resources;
        this.zone = config.timeZone();
    }

    public Observation toFhir(ObservationRecord o, Reference patient) {
        Observation observation = resources.stamp(new Observation(), o.id(), CareConnectProfiles.OBSERVATION);
        observation.addIdentifier(resources.identifier(o.id()));
        observation.setStatus(ObservationStatus.FINAL);
        observation.setCode(ClinicalResources.snomed(o.code(), o.display()));
        observation.setSubject(patient.copy());
        if (o.effectiveAt() != null) {
            observation.setEffective(new DateTimeType(DATE_TIME.format(o.effectiveAt().atZoneSameInstant(zone))));
        } else if (o.effectiveDate() != null) {
            observation.setEffective(o.effectiveDate().toFhir());
        }
        observation.setIssuedElement(new InstantType(DATE_TIME.format(o.issued().atZoneSameInstant(zone))));
        observation.addPerformer(ClinicalResources.practitioner(o.performerId()));
        if (o.kind() != ObservationRecord.Kind.BLOOD_PRESSURE) {
            if (o.valueQuantity() != null) {
                observation.setValue(quantity(o.valueQuantity(), o.valueUnit()));
            } else if (o.valueString() != null) {
                observation.setValue(new StringType(o.valueString()));
            }
        }
        for (ObservationRecord.Component component : o.components()) {
            observation.addComponent()
                    .setCode(ClinicalResources.snomed(component.code(), component.display()))
                    .setValue(quantity(component.value(), component.unit()));
        }
        if (o.comment() != null) {
            observation.setComment(o.comment());
        }
        return observation;
    }

    private static Quantity quantity(BigDecimal value, String unit) {
        Quantity quantity = new Quantity().setValue(value);
        if (unit != null) {
            quantity.setUnit(unit).setSystem(CareConnectProfiles.UCUM).setCode(unit);
        }
        return quantity;
    }
}
