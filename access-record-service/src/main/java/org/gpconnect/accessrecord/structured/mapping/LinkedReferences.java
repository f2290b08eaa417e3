package org.gpconnect.accessrecord.structured.mapping;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.DomainResource;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Settles the links of the ProblemHeaders (and of consultation topics to their problems, and of documents
 * to the consultation they were filed in) once the Bundle is complete, so that no reference dangles
 * (access-record-structured.md §4, §5, §6): a link to an item of a switched-off area keeps only the display
 * "{area} items have been disabled"; a link to a resolved allergy (contained in "Ended allergies", never an
 * entry) refers to it by identifier; a link to anything else not in the Bundle (filtered out, confidential,
 * an area not asked for) is left out ("relatedProblemHeader targets may be missing when filtered").
 */
public final class LinkedReferences {

    /** Problems link to reports, not to test requests, so a linked ProcedureRequest is a diary entry. */
    private static final Map<String, ClinicalArea> AREA_OF_TYPE = Map.ofEntries(
            Map.entry("AllergyIntolerance", ClinicalArea.ALLERGIES),
            Map.entry("MedicationRequest", ClinicalArea.MEDICATION),
            Map.entry("MedicationStatement", ClinicalArea.MEDICATION),
            Map.entry("Immunization", ClinicalArea.IMMUNISATIONS),
            Map.entry("Observation", ClinicalArea.UNCATEGORISED_DATA),
            Map.entry("Condition", ClinicalArea.PROBLEMS),
            Map.entry("Encounter", ClinicalArea.CONSULTATIONS),
            Map.entry("DiagnosticReport", ClinicalArea.INVESTIGATIONS),
            Map.entry("ReferralRequest", ClinicalArea.REFERRALS),
            Map.entry("ProcedureRequest", ClinicalArea.DIARY_ENTRIES),
            Map.entry("DocumentReference", ClinicalArea.DOCUMENTS));

    private LinkedReferences() {
    }

    public static void settle(Bundle bundle, Predicate<ClinicalArea> enabled, String identifierSystem) {
        Set<String> present = new HashSet<>();
        Map<String, Resource> contained = new HashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource r = entry.getResource();
            if (r.hasIdElement()) {
                present.add(r.fhirType() + "/" + r.getIdElement().getIdPart());
            }
            if (r instanceof ListResource list) {
                list.getContained().forEach(c -> contained.put(c.fhirType() + "/" + c.getIdElement().getIdPart(), c));
            }
        }
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource instanceof Condition condition) {
                settle(condition, present, contained, enabled, identifierSystem);
            } else if (resource instanceof ListResource topic && topic.hasIdElement()) {
                settle(topic, present, contained, enabled, identifierSystem);
            } else if (resource instanceof DocumentReference document && document.getContext().hasEncounter()) {
                // the consultation a document was filed in is only there when consultations were asked for
                settle(document.getContext().getEncounter(), present, contained, enabled, identifierSystem)
                        .ifPresentOrElse(document.getContext()::setEncounter, () -> document.getContext().setEncounter(null));
            }
        }
    }

    private static void settle(DomainResource resource, Set<String> present, Map<String, Resource> contained,
                               Predicate<ClinicalArea> enabled, String identifierSystem) {
        Iterator<Extension> extensions = resource.getExtension().iterator();
        while (extensions.hasNext()) {
            Extension extension = extensions.next();
            String url = extension.getUrl();
            if (CareConnectProfiles.EXT_RELATED_PROBLEM_HEADER.equals(url)) {
                Extension target = extension.getExtensionByUrl("target");
                Optional<Reference> settled = settle((Reference) target.getValue(), present, contained, enabled, identifierSystem);
                if (settled.isEmpty()) {
                    extensions.remove();
                } else {
                    target.setValue(settled.get());
                }
            } else if (CareConnectProfiles.EXT_RELATED_CLINICAL_CONTENT.equals(url) || CareConnectProfiles.EXT_ACTUAL_PROBLEM.equals(url)) {
                Optional<Reference> settled = settle((Reference) extension.getValue(), present, contained, enabled, identifierSystem);
                if (settled.isEmpty()) {
                    extensions.remove();
                } else {
                    extension.setValue(settled.get());
                }
            }
        }
    }

    private static Optional<Reference> settle(Reference reference, Set<String> present, Map<String, Resource> contained,
                                              Predicate<ClinicalArea> enabled, String identifierSystem) {
        String target = reference.getReference();
        if (target == null || present.contains(target)) {
            return Optional.of(reference);
        }
        ClinicalArea area = AREA_OF_TYPE.get(target.substring(0, target.indexOf('/')));
        if (area != null && !enabled.test(area)) {
            return Optional.of(new Reference().setDisplay(area.disabledItemsDisplay()));
        }
        if (contained.containsKey(target)) {
            return Optional.of(new Reference().setIdentifier(
                    new Identifier().setSystem(identifierSystem).setValue(target.substring(target.indexOf('/') + 1))));
        }
        return Optional.empty();
    }
}
