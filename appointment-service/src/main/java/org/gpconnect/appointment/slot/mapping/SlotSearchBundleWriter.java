package org.gpconnect.appointment.slot.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.gpconnect.appointment.foundations.mapping.LocationMapper;
import org.gpconnect.appointment.foundations.mapping.OrganizationMapper;
import org.gpconnect.appointment.foundations.mapping.PractitionerMapper;
import org.gpconnect.appointment.slot.SlotSearchResult;
import org.gpconnect.common.fhir.FhirFormat;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * The answer of a free-slot search (appointment-management.md §3.3) as the bytes of a
 * GPConnect-Searchset-Bundle-1 in the negotiated format: the Slots in time order, then their Schedules, the
 * Practitioners and Locations when included, and the Organization; nothing found is an empty searchset.
 *
 * <p>Why not a HAPI Bundle, like the other searches: a 14-day search holds about a thousand Slots. HAPI's
 * generic encoder spends some 9 µs on each (it walks every element through its model), more than all the
 * database work of the search; and the shared FHIR writer streams HAPI's output as it comes, which HAPI
 * flushes element by element, so such a Bundle went out as some ten thousand HTTP chunks of about 40 bytes
 * (measured over HTTP: a median of 75 ms for a 14-day search, against 11 ms written this way). The Slots, whose content is fixed and small, are therefore
 * written straight to a buffer ({@link SearchsetJsonWriter}, {@link SearchsetXmlWriter}), and the handful of
 * linked resources are still built and encoded by HAPI, so they look exactly as their reads. The body is
 * produced whole before anything is sent, so incomplete source data fails as a 500 OperationOutcome
 * (foundations.md §4), never as a truncated 200.
 *
 * <p>Each Slot is a GPConnect-Slot-1 (§2, §3.3): {@code id}, {@code meta.versionId} and {@code meta.profile},
 * the Extension-GPConnect-DeliveryChannel-2 {@code valueCode}, the practice's slot type as
 * {@code serviceType[0].text}, {@code schedule} {@code Schedule/{id}}, {@code status} free and {@code start} /
 * {@code end} in UK local time with their offset; never {@code comment}, {@code specialty},
 * {@code serviceCategory}, {@code appointmentType} or {@code identifier}.
 */
@ApplicationScoped
public class SlotSearchBundleWriter {

    private final ScheduleMapper schedules;
    private final PractitionerMapper practitioners;
    private final LocationMapper locations;
    private final OrganizationMapper organizations;

    public SlotSearchBundleWriter(ScheduleMapper schedules, PractitionerMapper practitioners, LocationMapper locations,
                                  OrganizationMapper organizations) {
        this.schedules = schedules;
        this.practitioners = practitioners;
        this.locations = locations;
        this.organizations = organizations;
    }

    /** @param zone the practice's time zone, in whose local time slot and schedule times are written */
    public byte[] write(SlotSearchResult result, ZoneId zone, FhirFormat format) {
        List<Resource> linked = linked(result, zone);
        // a Slot takes about 460 bytes in JSON, more in XML (the buffer then grows)
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 512 * result.slots().size() + 2048 * linked.size());
        try {
            if (format == FhirFormat.XML) {
                SearchsetXmlWriter.write(out, result.slots(), linked, zone);
            } else {
                SearchsetJsonWriter.write(out, result.slots(), linked, zone);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // only memory is written to
        }
        return out.toByteArray();
    }

    private List<Resource> linked(SlotSearchResult result, ZoneId zone) {
        TimeZone timeZone = TimeZone.getTimeZone(zone);
        List<Resource> linked = new ArrayList<>(result.size() - result.slots().size());
        result.schedules().forEach(schedule -> linked.add(schedules.toFhir(schedule, timeZone)));
        result.practitioners().forEach(practitioner -> linked.add(practitioners.toFhir(practitioner)));
        result.locations().forEach(location -> linked.add(locations.toFhir(location)));
        result.organizations().forEach(organization -> linked.add(organizations.toFhir(organization)));
        return linked;
    }
}
