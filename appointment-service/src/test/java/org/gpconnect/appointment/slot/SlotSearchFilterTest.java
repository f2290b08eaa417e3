package org.gpconnect.appointment.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome;
import static org.gpconnect.appointment.slot.SlotSearchApi.BOOKABLE_PER_DAY;
import static org.gpconnect.appointment.slot.SlotSearchApi.ODS_SYSTEM;
import static org.gpconnect.appointment.slot.SlotSearchApi.ORG_TYPE_SYSTEM;
import static org.gpconnect.appointment.slot.SlotSearchApi.all;
import static org.gpconnect.appointment.slot.SlotSearchApi.ids;
import static org.gpconnect.appointment.slot.SlotSearchApi.query;
import static org.gpconnect.appointment.slot.SlotSearchApi.search;
import static org.gpconnect.appointment.slot.SlotSearchApi.searchOk;
import static org.gpconnect.appointment.slot.SlotSearchApi.startTimes;
import static org.gpconnect.appointment.slot.SlotSearchApi.today;
import static org.gpconnect.appointment.slot.SlotSearchApi.ukDateTime;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.gpconnect.appointment.slot.SlotSearchApi.Query;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;
import org.junit.jupiter.api.Test;

/**
 * The searchFilter matching table of appointment-management.md §3.4 (and §3.1: unknown systems ignored),
 * row by row, on schedule 2's six restricted slots (testdata/schedules_and_slots.yaml extra_slots; ADR 0005:
 * on every day of its window), all In-person, ten minutes each from 17:00:
 * <pre>
 *   17:00 ODS B82617          17:10 type urgent-care    17:20 ODS B82617 + urgent-care
 *   17:30 ODS B82617          17:40 type gp-practice    17:50 ODS B82617 + gp-practice
 * </pre>
 * The 17:00-18:00 window holds only these (the day's unrestricted slots end at 17:00), so each row's answer
 * is exactly the restricted slots it lets through. The filter codes are those the test pack sends
 * (testdata/organisations.yaml): B82617 and unknown INVOC1, A20047 etc., urgent-care, gp-practice, oncology.
 */
@QuarkusTest
class SlotSearchFilterTest {

    private static final LocalDate TOMORROW = today().plusDays(1);

    private static Query restrictedHour() {
        return query(ukDateTime(TOMORROW, "17:00"), ukDateTime(TOMORROW, "18:00"));
    }

    @Test
    void noFilterReturnsOnlyUnrestrictedSlots() {
        assertThat(startTimes(searchOk(restrictedHour()))).isEmpty();
        // and so an empty Bundle: no Schedule or Organization without a slot
        assertThat(searchOk(restrictedHour()).getEntry()).isEmpty();
    }

    @Test
    void odsCodeOnlyReturnsSlotsWithoutATypeRestrictionAndWithoutOrWithThatOdsRestriction() {
        assertThat(startTimes(searchOk(restrictedHour().filter(ODS_SYSTEM, "B82617")))).containsExactly("17:00", "17:30");
    }

    @Test
    void anotherOdsCodeOnlyReturnsNoRestrictedSlot() {
        // INVOC1 does not exist; A20047 is a real code the test pack filters with: neither is B82617
        assertThat(startTimes(searchOk(restrictedHour().filter(ODS_SYSTEM, "INVOC1")))).isEmpty();
        assertThat(startTimes(searchOk(restrictedHour().filter(ODS_SYSTEM, "A20047")))).isEmpty();
    }

    @Test
    void organisationTypeOnlyReturnsSlotsWithoutAnOdsRestrictionAndWithoutOrWithThatTypeRestriction() {
        assertThat(startTimes(searchOk(restrictedHour().filter(ORG_TYPE_SYSTEM, "urgent-care")))).containsExactly("17:10");
        assertThat(startTimes(searchOk(restrictedHour().filter(ORG_TYPE_SYSTEM, "gp-practice")))).containsExactly("17:40");
        assertThat(startTimes(searchOk(restrictedHour().filter(ORG_TYPE_SYSTEM, "oncology")))).isEmpty();
    }

    @Test
    void bothReturnSlotsWhoseEachRestrictionIsAbsentOrMatched() {
        assertThat(startTimes(searchOk(restrictedHour().filter(ODS_SYSTEM, "B82617").filter(ORG_TYPE_SYSTEM, "urgent-care"))))
                .containsExactly("17:00", "17:10", "17:20", "17:30");
        assertThat(startTimes(searchOk(restrictedHour().filter(ORG_TYPE_SYSTEM, "gp-practice").filter(ODS_SYSTEM, "B82617"))))
                .containsExactly("17:00", "17:30", "17:40", "17:50");
        assertThat(startTimes(searchOk(restrictedHour().filter(ODS_SYSTEM, "B82617").filter(ORG_TYPE_SYSTEM, "oncology"))))
                .containsExactly("17:00", "17:30");
        assertThat(startTimes(searchOk(restrictedHour().filter(ODS_SYSTEM, "INVOC1").filter(ORG_TYPE_SYSTEM, "urgent-care"))))
                .containsExactly("17:10");
        assertThat(startTimes(searchOk(restrictedHour().filter(ODS_SYSTEM, "RNR01").filter(ORG_TYPE_SYSTEM, "oncology"))))
                .isEmpty();
    }

    @Test
    void unknownSystemsAreIgnored() {
        // the test pack's non GP Connect filters, a UC disposition code and the 1.2.0 ValueSet URL as a system
        Query unknownOnly = restrictedHour()
                .filter("FilterCategory-7", "OtherConsumerCategory")
                .filter("https://fhir.nhs.uk/Id/otherIdentifier", "otherID")
                .filter("TypeCategory", "OtherTypeCategory")
                .filter("https://fhir.nhs.uk/STU3/ValueSet/GPConnect-OrganisationType-1", "urgent-care")
                .add("searchFilter", "no-system-at-all");
        assertThat(startTimes(searchOk(unknownOnly))).isEmpty();
        assertThat(startTimes(searchOk(unknownOnly.filter(ODS_SYSTEM, "B82617")))).containsExactly("17:00", "17:30");
    }

    @Test
    void severalCodesOfOneSystemEachLetTheirSlotsThrough() {
        assertThat(startTimes(searchOk(restrictedHour().filter(ODS_SYSTEM, "A20047").filter(ODS_SYSTEM, "B82617"))))
                .containsExactly("17:00", "17:30");
        assertThat(startTimes(searchOk(restrictedHour().filter(ORG_TYPE_SYSTEM, "urgent-care").filter(ORG_TYPE_SYSTEM, "gp-practice"))))
                .containsExactly("17:10", "17:40");
    }

    @Test
    void aKnownSystemWithoutACodeIs422() {
        assertOutcome(search(restrictedHour().filter(ODS_SYSTEM, "")), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("searchFilter"));
        assertOutcome(search(restrictedHour().filter(ORG_TYPE_SYSTEM, "")), 422, "INVALID_PARAMETER");
    }

    @Test
    void restrictedSlotsComeWithTheirScheduleAndOrganizationLikeAnyOther() {
        Bundle bundle = searchOk(restrictedHour().filter(ODS_SYSTEM, "B82617"));
        assertThat(all(bundle, Slot.class)).allMatch(s -> s.getSchedule().getReference().equals("Schedule/2"));
        assertThat(ids(all(bundle, Schedule.class))).containsExactly("2");
        assertThat(ids(all(bundle, Organization.class))).containsExactly("1");
    }

    @Test
    void overAWholeDayAFilterAddsItsRestrictedSlotsToTheUnrestrictedOnes() {
        int unrestricted = 3 * BOOKABLE_PER_DAY;
        assertThat(all(searchOk(query(TOMORROW, TOMORROW)), Slot.class)).hasSize(unrestricted);
        assertThat(all(searchOk(query(TOMORROW, TOMORROW).filter(ODS_SYSTEM, "B82617")), Slot.class)).hasSize(unrestricted + 2);
        assertThat(all(searchOk(query(TOMORROW, TOMORROW).filter(ODS_SYSTEM, "B82617").filter(ORG_TYPE_SYSTEM, "urgent-care")),
                Slot.class)).hasSize(unrestricted + 4);
        // the test pack's 14-day searches: schedule 2's restricted slots are on each of its 6 days
        assertThat(all(searchOk(query(today(), today().plusDays(14)).filter(ODS_SYSTEM, "B82617").filter(ORG_TYPE_SYSTEM, "urgent-care")),
                Slot.class)).hasSize((9 + 6 + 6) * BOOKABLE_PER_DAY + 6 * 4);
    }
}
