package org.gpconnect.appointment.slot;

import java.util.List;
import org.gpconnect.appointment.foundations.LocationEntity;
import org.gpconnect.appointment.foundations.OrganizationEntity;
import org.gpconnect.appointment.foundations.PractitionerEntity;

/**
 * What a free-slot search found (appointment-management.md §3.3): the slots in time order and, each once,
 * only the resources linked to them: their schedules, the practitioners and locations when asked for, and the
 * organisations managing those locations (always, whenever there is a slot).
 */
public record SlotSearchResult(List<FreeSlot> slots, List<ScheduleEntity> schedules,
                               List<PractitionerEntity> practitioners, List<LocationEntity> locations,
                               List<OrganizationEntity> organizations) {

    public static final SlotSearchResult EMPTY = new SlotSearchResult(List.of(), List.of(), List.of(), List.of(), List.of());

    public int size() {
        return slots.size() + schedules.size() + practitioners.size() + locations.size() + organizations.size();
    }
}
