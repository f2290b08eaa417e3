package org.gpconnect.appointment.foundations.mapping;

import java.util.List;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Bundle.BundleType;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * The answer of every Foundations search (foundations.md §9): a {@code searchset} Bundle profiled
 * GPConnect-Searchset-Bundle-1, empty when nothing matched. Entries carry no {@code fullUrl}: providers
 * should not populate it (§4).
 */
public final class SearchsetBundles {

    private SearchsetBundles() {
    }

    public static Bundle of(List<? extends Resource> resources) {
        Bundle bundle = new Bundle().setType(BundleType.SEARCHSET);
        bundle.getMeta().addProfile(FhirProfiles.SEARCHSET_BUNDLE);
        resources.forEach(resource -> bundle.addEntry().setResource(resource));
        bundle.setTotal(resources.size());
        return bundle;
    }
}
