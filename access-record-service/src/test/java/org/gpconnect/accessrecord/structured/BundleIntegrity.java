package org.gpconnect.accessrecord.structured;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DomainResource;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * The checks every structured Bundle must pass (access-record-structured.md §4, §7, §8), reusable by any
 * test: collection Bundle with its profile and no fullUrl; every resource with an id present once; every
 * reference in every resource (contained ones included) resolving to exactly one entry, or to a contained
 * resource for {@code #id}; every clinical resource with its profile and a provider identifier, and no
 * resource but the administrative ones carrying versionId/lastUpdated; query lists without an id, the
 * consultation-structure lists (§7.5) with one, their encounter and at least one entry.
 */
public final class BundleIntegrity {

    private static final String BUNDLE_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-StructuredRecord-Bundle-1";
    private static final Set<String> ADMINISTRATIVE = Set.of("Patient", "Organization", "Practitioner", "PractitionerRole",
            "Location", "HealthcareService");
    private static final Set<String> NOT_CLINICAL = Set.of("List", "OperationOutcome");
    /** Consultation, topic and category (§7.5). */
    private static final Set<String> STRUCTURE_CODES = Set.of("325851000000107", "25851000000105", "24781000000107");

    private BundleIntegrity() {
    }

    public static void assertIntegrity(Bundle bundle) {
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(BUNDLE_PROFILE);
        assertThat(bundle.getMeta().hasVersionId() || bundle.getMeta().hasLastUpdated()).isFalse();
        Map<String, Integer> keys = new HashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            assertThat(entry.hasFullUrl()).as("entry.fullUrl").isFalse();
            Resource r = entry.getResource();
            if (r.hasIdElement()) {
                keys.merge(r.fhirType() + "/" + r.getIdElement().getIdPart(), 1, Integer::sum);
            }
        }
        keys.forEach((key, count) -> assertThat(count).as("entries for " + key).isEqualTo(1));
        assertThat(bundle.getEntry().stream().filter(e -> e.getResource().fhirType().equals("Patient")).count()).isEqualTo(1);
        // §5: at most one OperationOutcome, only ever warnings
        assertThat(bundle.getEntry().stream().filter(e -> e.getResource().fhirType().equals("OperationOutcome")).count()).isLessThanOrEqualTo(1);
        bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(org.hl7.fhir.dstu3.model.OperationOutcome.class::isInstance)
                .map(org.hl7.fhir.dstu3.model.OperationOutcome.class::cast)
                .forEach(o -> assertThat(o.getIssue()).allSatisfy(i ->
                        assertThat(i.getSeverity()).isEqualTo(org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity.WARNING)));
        // §7.1/§7.2: one primary list per code (the related-problems list included: only one per response)
        java.util.Map<String, Long> listCodes = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(ListResource.class::isInstance).map(ListResource.class::cast).filter(l -> !l.hasIdElement())
                .collect(java.util.stream.Collectors.groupingBy(l -> l.getCode().getCodingFirstRep().getCode(), java.util.stream.Collectors.counting()));
        listCodes.forEach((code, count) -> assertThat(count).as("lists coded " + code).isEqualTo(1));

        FhirTerser terser = FhirContext.forDstu3Cached().newTerser();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            DomainResource resource = (DomainResource) entry.getResource();
            checkResource(resource, false);
            for (Resource contained : resource.getContained()) {
                checkResource((DomainResource) contained, true);
            }
            List<Reference> references = terser.getAllPopulatedChildElementsOfType(resource, Reference.class);
            for (Reference reference : references) {
                String target = reference.getReference();
                if (target == null) {
                    assertThat(reference.hasDisplay()).as("reference without target or display in " + resource.fhirType()).isTrue();
                    continue;
                }
                if (target.startsWith("#")) {
                    String id = target.substring(1);
                    assertThat(resource.getContained().stream().filter(c -> id.equals(c.getIdElement().getIdPart())).count())
                            .as("contained target of " + target + " in " + resource.fhirType()).isEqualTo(1);
                } else {
                    assertThat(keys.getOrDefault(target, 0)).as("entries resolving " + target + " (from " + resource.fhirType() + ")").isEqualTo(1);
                }
            }
        }
    }

    private static void checkResource(DomainResource r, boolean contained) {
        String type = r.fhirType();
        if (ADMINISTRATIVE.contains(type)) {
            assertThat(r.getMeta().getProfile()).as(type + " profile").isNotEmpty();
            return;
        }
        assertThat(r.getMeta().hasVersionId() || r.getMeta().hasLastUpdated()).as(type + " versionId/lastUpdated").isFalse();
        if (NOT_CLINICAL.contains(type)) {
            if (r instanceof ListResource list) {
                String code = list.getCode().getCodingFirstRep().getCode();
                // §7: query lists have no id; §7.5: the consultation-structure lists do, with their encounter
                assertThat(list.hasIdElement()).as("id of List " + code).isEqualTo(STRUCTURE_CODES.contains(code));
                if (STRUCTURE_CODES.contains(code)) {
                    assertThat(list.getMeta().getProfile()).as("structure List profile").hasSize(1);
                    assertThat(list.getEncounter().getReference()).as("structure List encounter").startsWith("Encounter/");
                    assertThat(list.getEntry()).as("structure List entries (empty sections are suppressed)").isNotEmpty();
                    assertThat(list.hasNote() || list.hasEmptyReason()).as("structure List note/emptyReason").isFalse();
                    assertThat(list.getOrderedBy().getCodingFirstRep().getCode()).isEqualTo("system");
                }
            }
            return;
        }
        assertThat(r.getMeta().getProfile()).as(type + " profile").hasSize(1);
        assertThat(r.getIdElement().getIdPart()).as(type + " id").isNotBlank();
        if (type.equals("Medication")) {
            return; // STU3 Medication has no identifier element
        }
        @SuppressWarnings("unchecked")
        List<Identifier> identifiers = (List<Identifier>) (List<?>) FhirContext.forDstu3Cached().newTerser()
                .getValues(r, r.fhirType() + ".identifier");
        assertThat(identifiers).as(type + " identifier").isNotEmpty();
        assertThat(identifiers.get(0).getSystem()).as(type + " identifier system").startsWith("https://");
        assertThat(identifiers.get(0).getValue()).as(type + " identifier value").isEqualTo(r.getIdElement().getIdPart());
        if (contained) {
            assertThat(type).isEqualTo("AllergyIntolerance");
        }
    }
}
