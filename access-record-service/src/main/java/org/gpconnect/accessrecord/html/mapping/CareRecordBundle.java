package org.gpconnect.accessrecord.html.mapping;

import ca.uhn.fhir.model.api.IResource;
import ca.uhn.fhir.model.dstu2.composite.CodeableConceptDt;
import ca.uhn.fhir.model.dstu2.composite.NarrativeDt;
import ca.uhn.fhir.model.dstu2.composite.ResourceReferenceDt;
import ca.uhn.fhir.model.dstu2.resource.Bundle;
import ca.uhn.fhir.model.dstu2.resource.Composition;
import ca.uhn.fhir.model.dstu2.resource.Device;
import ca.uhn.fhir.model.dstu2.valueset.BundleTypeEnum;
import ca.uhn.fhir.model.dstu2.valueset.CompositionStatusEnum;
import ca.uhn.fhir.model.dstu2.valueset.NarrativeStatusEnum;
import ca.uhn.fhir.model.primitive.DateTimeDt;
import ca.uhn.fhir.model.primitive.XhtmlDt;
import java.util.Optional;
import java.util.UUID;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.record.RecordPatient;
import org.gpconnect.common.fhir.careconnect.CareConnectAdministration.OrganizationDetails;
import org.gpconnect.common.fhir.careconnect.CareConnectAdministration.PractitionerDetails;
import org.gpconnect.common.interaction.RecordSection;

/**
 * The response of {@code $gpc.getcarerecord} (access-record-html.md §3): a {@code searchset} Bundle whose
 * first entry is the one Composition, holding the section's XHTML, then the Patient, the usual GP, the
 * practice and the Device that generated the composition (machine-generated, so the Device is its author).
 * Every resource has an id and every reference is a relative {@code Type/id} that resolves in the Bundle.
 */
public final class CareRecordBundle {

    /** The Device's logical id: one piece of software, the same in every response. */
    static final String DEVICE_ID = "gpconnect-provider-suite";
    // Composition.type and .class are mandatory in DSTU2 but §3 names no codes: these are the reference
    // demonstrator's (release 0.7.4).
    private static final String SNOMED = "http://snomed.info/sct";

    private CareRecordBundle() {
    }

    public static Bundle build(RecordSection section, String xhtml, RecordPatient patient, OrganizationDetails practice,
                               Optional<PractitionerDetails> usualGp, AccessRecordConfig.Software software) {
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.setType(BundleTypeEnum.SEARCH_RESULTS);
        add(bundle, composition(section, xhtml, patient, practice));
        add(bundle, Dstu2Administration.patient(patient, practice.id()));
        usualGp.ifPresent(gp -> add(bundle, Dstu2Administration.practitioner(gp)));
        add(bundle, Dstu2Administration.organization(practice));
        add(bundle, device(software));
        return bundle;
    }

    private static Composition composition(RecordSection section, String xhtml, RecordPatient patient, OrganizationDetails practice) {
        Composition composition = new Composition();
        composition.setId(UUID.randomUUID().toString());
        composition.getMeta().addProfile(Dstu2Profiles.CARE_RECORD_COMPOSITION);
        composition.setDate(DateTimeDt.withCurrentTime());
        composition.setType(new CodeableConceptDt(SNOMED, "425173008").setText("record extract (record artifact)"));
        composition.setClassElement(new CodeableConceptDt(SNOMED, "700232004").setText("general medical service (qualifier value)"));
        composition.setTitle("Patient Care Record");
        composition.setStatus(CompositionStatusEnum.FINAL);
        composition.setSubject(new ResourceReferenceDt("Patient/" + patient.id()));
        composition.addAuthor().setReference("Device/" + DEVICE_ID);
        composition.setCustodian(new ResourceReferenceDt("Organization/" + practice.id()));
        Composition.Section content = composition.addSection();
        content.setTitle(section.title());
        CodeableConceptDt code = new CodeableConceptDt(RecordSection.SYSTEM, section.code()).setText(section.title());
        code.getCodingFirstRep().setDisplay(section.title());
        content.setCode(code);
        NarrativeDt text = new NarrativeDt();
        text.setStatus(NarrativeStatusEnum.GENERATED);
        text.setDiv(new XhtmlDt(xhtml));
        content.setText(text);
        return composition;
    }

    private static Device device(AccessRecordConfig.Software software) {
        Device device = new Device();
        device.setId(DEVICE_ID);
        device.getMeta().addProfile(Dstu2Profiles.DEVICE);
        device.setType(new CodeableConceptDt().setText("GP Connect provider system"));
        device.setManufacturer(software.publisher());
        device.setModel(software.name());
        device.setVersion(software.version());
        return device;
    }

    private static void add(Bundle bundle, IResource resource) {
        bundle.addEntry().setResource(resource);
    }
}
