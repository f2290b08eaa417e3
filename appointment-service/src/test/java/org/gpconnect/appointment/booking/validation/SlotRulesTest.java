package org.gpconnect.appointment.booking.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.gpconnect.appointment.booking.BookingOrganisation;
import org.gpconnect.appointment.booking.BookingSlot;
import org.gpconnect.appointment.booking.NewAppointment;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.junit.jupiter.api.Test;

/**
 * The slot rules of a booking (appointment-management.md §3.4, §4.1 "multiple adjacent slots", §4.4):
 * {@link SlotSetValidator}, {@link SlotAvailabilityValidator} and {@link ScheduleActorsValidator}, without a server.
 */
class SlotRulesTest {

    private static final Instant T = Instant.parse("2030-01-15T10:00:00Z");
    private static final Instant NOW = T.minusSeconds(86_400);
    private static final BookingOrganisation PRACTICE = new BookingOrganisation("A20047", "Urgent care", "1", null, "{}");

    private static BookingSlot slot(long id, int minutesFromT) {
        return slot(id, minutesFromT, "s1", "In-person", "GP", "free", true, null, null);
    }

    private static BookingSlot slot(long id, int minutesFromT, String schedule, String channel, String type, String status,
                                    boolean bookable, String restrictedOds, String restrictedType) {
        Instant start = T.plusSeconds(60L * minutesFromT);
        return new BookingSlot(id, schedule, start, start.plusSeconds(600), status, bookable, channel, type, restrictedOds,
                restrictedType, "16", "1", "R0260", "GP", "Clinic");
    }

    private static NewAppointment request(List<Long> slots, Instant start, Instant end) {
        return new NewAppointment("1", "16", null, slots, start, end, "d", null, null, List.of(), PRACTICE);
    }

    @Test
    void adjacentSlotsInAnyOrderMakeOneAppointmentInTimeOrder() {
        List<BookingSlot> found = List.of(slot(3, 20), slot(1, 0), slot(2, 10));
        List<BookingSlot> ordered = SlotSetValidator.check(request(List.of(2L, 3L, 1L), T, T.plusSeconds(1800)), found);
        assertThat(ordered).extracting(BookingSlot::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void slotSetRefusals() {
        setRefused(List.of(slot(1, 0)), List.of(1L, 99L), T, T.plusSeconds(600), "Slot/99");
        setRefused(List.of(slot(1, 0), slot(2, 20)), List.of(1L, 2L), T, T.plusSeconds(1800), "follow each other");
        setRefused(List.of(slot(1, 0), slot(2, 10, "s2", "In-person", "GP", "free", true, null, null)), List.of(1L, 2L), T,
                T.plusSeconds(1200), "schedule");
        setRefused(List.of(slot(1, 0), slot(2, 10, "s1", "Video", "GP", "free", true, null, null)), List.of(1L, 2L), T,
                T.plusSeconds(1200), "delivery channel");
        setRefused(List.of(slot(1, 0), slot(2, 10, "s1", "In-person", "Bloods", "free", true, null, null)), List.of(1L, 2L), T,
                T.plusSeconds(1200), "slot type");
        setRefused(List.of(slot(1, 0)), List.of(1L), T.plusSeconds(60), T.plusSeconds(600), "start and end");
        setRefused(List.of(slot(1, 0), slot(2, 10)), List.of(1L, 2L), T, T.plusSeconds(600), "start and end");
    }

    private static void setRefused(List<BookingSlot> found, List<Long> asked, Instant start, Instant end, String mention) {
        assertThatThrownBy(() -> SlotSetValidator.check(request(asked, start, end), found))
                .isInstanceOfSatisfying(GpConnectException.class, e -> {
                    assertThat(e.spineCode()).isEqualTo(SpineCode.INVALID_RESOURCE);
                    assertThat(e.diagnostics()).contains(mention);
                });
    }

    @Test
    void availability() {
        assertThatCode(() -> SlotAvailabilityValidator.check(List.of(slot(1, 0)), PRACTICE, NOW)).doesNotThrowAnyException();
        availabilityRefused(List.of(slot(1, 0)), T, SpineCode.INVALID_RESOURCE); // starts now: not in the future
        availabilityRefused(List.of(slot(1, 0, "s1", "In-person", "GP", "free", false, null, null)), NOW, SpineCode.INVALID_RESOURCE);
        availabilityRefused(List.of(slot(1, 0, "s1", "Visit", "GP", "free", true, null, null)), NOW, SpineCode.INVALID_RESOURCE);
        availabilityRefused(List.of(slot(1, 0, "s1", "In-person", "GP", "busy", true, null, null)), NOW, SpineCode.DUPLICATE_REJECTED);
        availabilityRefused(List.of(slot(1, 0), slot(2, 10, "s1", "In-person", "GP", "busy-unavailable", true, null, null)), NOW,
                SpineCode.DUPLICATE_REJECTED);
    }

    @Test
    void reservationsFollowTheSearchFilterTable() {
        // §3.4 with the booking organisation's ODS code and (when sent) type in place of the filters
        BookingOrganisation noType = new BookingOrganisation("B82617", "n", "t", null, "{}");
        BookingOrganisation urgentCare = new BookingOrganisation("B82617", "n", "t", "urgent-care", "{}");
        BookingOrganisation otherOrg = new BookingOrganisation("A20047", "n", "t", "urgent-care", "{}");
        BookingSlot odsOnly = slot(1, 0, "s1", "In-person", "GP", "free", true, "B82617", null);
        BookingSlot typeOnly = slot(1, 0, "s1", "In-person", "GP", "free", true, null, "urgent-care");
        BookingSlot both = slot(1, 0, "s1", "In-person", "GP", "free", true, "B82617", "urgent-care");

        assertThatCode(() -> SlotAvailabilityValidator.check(List.of(odsOnly), noType, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> SlotAvailabilityValidator.check(List.of(typeOnly), urgentCare, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> SlotAvailabilityValidator.check(List.of(both), urgentCare, NOW)).doesNotThrowAnyException();
        availabilityRefused(List.of(odsOnly), otherOrg, NOW);
        availabilityRefused(List.of(typeOnly), noType, NOW);
        availabilityRefused(List.of(both), noType, NOW);
        availabilityRefused(List.of(both), otherOrg, NOW);
    }

    @Test
    void theScheduleDecidesLocationAndPractitioner() {
        BookingSlot slot = slot(1, 0);
        assertThatCode(() -> ScheduleActorsValidator.check(
                new NewAppointment("1", "16", "1", List.of(1L), T, T, "d", null, null, List.of(), PRACTICE), slot)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ScheduleActorsValidator.check(
                new NewAppointment("1", "17", null, List.of(1L), T, T, "d", null, null, List.of(), PRACTICE), slot))
                .hasMessageContaining("Location/17");
        assertThatThrownBy(() -> ScheduleActorsValidator.check(
                new NewAppointment("1", "16", "3", List.of(1L), T, T, "d", null, null, List.of(), PRACTICE), slot))
                .hasMessageContaining("Practitioner/3");
    }

    private static void availabilityRefused(List<BookingSlot> slots, Instant now, SpineCode code) {
        assertThatThrownBy(() -> SlotAvailabilityValidator.check(slots, PRACTICE, now))
                .isInstanceOfSatisfying(GpConnectException.class, e -> assertThat(e.spineCode()).isEqualTo(code));
    }

    private static void availabilityRefused(List<BookingSlot> slots, BookingOrganisation by, Instant now) {
        assertThatThrownBy(() -> SlotAvailabilityValidator.check(slots, by, now))
                .isInstanceOfSatisfying(GpConnectException.class, e -> assertThat(e.spineCode()).isEqualTo(SpineCode.INVALID_RESOURCE));
    }
}
