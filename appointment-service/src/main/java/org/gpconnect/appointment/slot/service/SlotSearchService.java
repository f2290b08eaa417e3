package org.gpconnect.appointment.slot.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gpconnect.appointment.foundations.LocationEntity;
import org.gpconnect.appointment.foundations.PractitionerEntity;
import org.gpconnect.appointment.foundations.repository.LocationRepository;
import org.gpconnect.appointment.foundations.repository.OrganizationRepository;
import org.gpconnect.appointment.foundations.repository.PractitionerRepository;
import org.gpconnect.appointment.practice.Practice;
import org.gpconnect.appointment.slot.FreeSlot;
import org.gpconnect.appointment.slot.ScheduleEntity;
import org.gpconnect.appointment.slot.SlotQuery;
import org.gpconnect.appointment.slot.SlotSearchResult;
import org.gpconnect.appointment.slot.repository.FreeSlotRepository;
import org.gpconnect.appointment.slot.repository.ScheduleRepository;

/**
 * Search for free slots (appointment-management.md §3.3): the practice's matching slots, then the resources
 * linked to them, each kind fetched at most once whatever the number of slots (schedules, practitioners if
 * asked for, locations, organisations): a search costs at most five queries, never one per slot. Locations
 * are read even when not included, because the Organization returned with any slot is the managing
 * organisation of the slots' locations.
 */
@ApplicationScoped
public class SlotSearchService {

    private final FreeSlotRepository freeSlots;
    private final ScheduleRepository schedules;
    private final PractitionerRepository practitioners;
    private final LocationRepository locations;
    private final OrganizationRepository organizations;

    public SlotSearchService(FreeSlotRepository freeSlots, ScheduleRepository schedules, PractitionerRepository practitioners,
                             LocationRepository locations, OrganizationRepository organizations) {
        this.freeSlots = freeSlots;
        this.schedules = schedules;
        this.practitioners = practitioners;
        this.locations = locations;
        this.organizations = organizations;
    }

    // one session for the linked look-ups, which run one after the other: a reactive session is never shared
    // by two queries in flight
    @WithSession
    public Uni<SlotSearchResult> search(Practice practice, SlotQuery query) {
        return freeSlots.find(practice.odsCode, query).chain(found -> found.isEmpty()
                ? Uni.createFrom().item(SlotSearchResult.EMPTY)
                : withLinkedResources(practice, query, found));
    }

    private Uni<SlotSearchResult> withLinkedResources(Practice practice, SlotQuery query, List<FreeSlot> slots) {
        Set<String> scheduleIds = idsOf(slots, FreeSlot::scheduleId);
        return schedules.findByLogicalIds(scheduleIds).map(found -> inOrder(scheduleIds, found, s -> s.id)).chain(linkedSchedules -> {
            Set<String> practitionerIds = idsOf(linkedSchedules, s -> s.practitionerId);
            Set<String> locationIds = idsOf(linkedSchedules, s -> s.locationId);
            Uni<List<PractitionerEntity>> linkedPractitioners = query.includePractitioners() && !practitionerIds.isEmpty()
                    ? practitioners.findByLogicalIds(practitionerIds).map(found -> inOrder(practitionerIds, found, p -> p.id))
                    : Uni.createFrom().item(List.of());
            return linkedPractitioners.chain(includedPractitioners -> fetchLocations(locationIds).chain(linkedLocations -> {
                Set<String> organizationIds = idsOf(linkedLocations, l -> l.managingOrganizationId);
                if (organizationIds.isEmpty()) {
                    // a slot is always returned with an Organization (§3.3); with no managing organisation
                    // recorded on its locations, the surgery is the practice's own
                    organizationIds.add(practice.organizationId);
                }
                return organizations.findByLogicalIds(organizationIds)
                        .map(found -> inOrder(organizationIds, found, o -> o.id))
                        .map(linkedOrganizations -> new SlotSearchResult(slots, linkedSchedules, includedPractitioners,
                                query.includeLocations() ? linkedLocations : List.of(), linkedOrganizations));
            }));
        });
    }

    private Uni<List<LocationEntity>> fetchLocations(Set<String> ids) {
        return ids.isEmpty()
                ? Uni.createFrom().item(List.of())
                : locations.findByLogicalIds(ids).map(found -> inOrder(ids, found, l -> l.id));
    }

    /** The distinct non-null ids, in order of first appearance. */
    private static <T> Set<String> idsOf(Collection<T> items, Function<T, String> id) {
        return items.stream().map(id).filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The found rows in the order of the ids asked for (the order their slots come in). */
    private static <T> List<T> inOrder(Set<String> ids, List<T> found, Function<T, String> id) {
        Map<String, T> byId = found.stream().collect(Collectors.toMap(id, Function.identity()));
        List<T> ordered = new ArrayList<>(found.size());
        for (String wanted : ids) {
            T item = byId.get(wanted);
            if (item != null) {
                ordered.add(item);
            }
        }
        return ordered;
    }
}
