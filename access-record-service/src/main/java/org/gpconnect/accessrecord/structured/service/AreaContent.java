package org.gpconnect.accessrecord.structured.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * What one clinical area adds to the Bundle: its lists and resources in the order they go in, and the
 * administrative resources they refer to (which the Bundle must then hold, once each).
 */
public final class AreaContent {

    private final List<Resource> resources = new ArrayList<>();
    private final Set<String> practitionerIds = new LinkedHashSet<>();
    private final Set<String> organizationIds = new LinkedHashSet<>();
    private final Set<UUID> returnedItems = new LinkedHashSet<>();
    private final Set<ClinicalArea> disabledLinkedAreas = new LinkedHashSet<>();
    private final List<AllergyIntolerance> endedAllergies = new ArrayList<>();

    public AreaContent add(Resource resource) {
        resources.add(resource);
        return this;
    }

    public AreaContent refersToPractitioner(String id) {
        if (id != null) {
            practitionerIds.add(id);
        }
        return this;
    }

    public AreaContent refersToOrganization(String id) {
        if (id != null) {
            organizationIds.add(id);
        }
        return this;
    }

    /** A clinical item returned by this area (items may be linked to problems, §5 "requested or linked"). */
    public AreaContent returned(UUID itemId) {
        returnedItems.add(itemId);
        return this;
    }

    /** Items of this switched-off area are linked from what this area returned (§5: a warning). */
    public AreaContent linksToDisabled(ClinicalArea area) {
        disabledLinkedAreas.add(area);
        return this;
    }

    /**
     * A resolved allergy this area refers to (by identifier): it is never a Bundle entry, so it goes
     * contained in the one "Ended allergies" list of the response (§6, §7.2).
     */
    public AreaContent endedAllergy(AllergyIntolerance allergy) {
        endedAllergies.add(allergy);
        return this;
    }

    public List<AllergyIntolerance> endedAllergies() {
        return endedAllergies;
    }

    public Set<ClinicalArea> disabledLinkedAreas() {
        return disabledLinkedAreas;
    }

    public Set<UUID> returnedItems() {
        return returnedItems;
    }

    public List<Resource> resources() {
        return resources;
    }

    public Set<String> practitionerIds() {
        return practitionerIds;
    }

    public Set<String> organizationIds() {
        return organizationIds;
    }
}
