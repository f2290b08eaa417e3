package org.gpconnect.appointment.booking.validation;

import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gpconnect.appointment.booking.BookingSlot;
import org.gpconnect.appointment.booking.NewAppointment;

/**
 * Whether the slots a booking names form one appointment (appointment-management.md §4.1, §4.4): every slot
 * exists at the practice (an unknown one is 422 INVALID_RESOURCE, the test pack's code: §4.4 DECISION); several
 * slots must follow each other without a gap and share their schedule, delivery channel and slot type; and the
 * appointment starts when the first slot starts and ends when the last one ends.
 */
public final class SlotSetValidator {

    private SlotSetValidator() {
    }

    /** The slots in time order. */
    public static List<BookingSlot> check(NewAppointment request, List<BookingSlot> found) {
        Map<Long, BookingSlot> byId = found.stream().collect(Collectors.toMap(BookingSlot::id, Function.identity()));
        for (Long id : request.slotIds()) {
            if (!byId.containsKey(id)) {
                throw Invalid.resource("Slot/" + id + " is not a slot of this practice");
            }
        }
        List<BookingSlot> slots = request.slotIds().stream().map(byId::get)
                .sorted(Comparator.comparing(BookingSlot::start)).toList();
        BookingSlot first = slots.get(0);
        for (int i = 1; i < slots.size(); i++) {
            BookingSlot previous = slots.get(i - 1);
            BookingSlot next = slots.get(i);
            if (!next.start().equals(previous.end())) {
                throw Invalid.resource("The slots of one appointment must follow each other: Slot/" + next.id()
                        + " does not start when Slot/" + previous.id() + " ends");
            }
            same(first, next, BookingSlot::scheduleId, "schedule");
            same(first, next, BookingSlot::deliveryChannel, "delivery channel");
            same(first, next, BookingSlot::serviceType, "slot type");
        }
        BookingSlot last = slots.get(slots.size() - 1);
        // to the second: that is how a slot's times are written (§2), so it is all a consumer can send back
        if (!request.start().equals(first.start().truncatedTo(ChronoUnit.SECONDS))
                || !request.end().equals(last.end().truncatedTo(ChronoUnit.SECONDS))) {
            throw Invalid.resource("The appointment's start and end must be those of its slots: the start of the first"
                    + " and the end of the last");
        }
        return slots;
    }

    private static void same(BookingSlot first, BookingSlot other, Function<BookingSlot, String> property, String name) {
        if (!Objects.equals(property.apply(first), property.apply(other))) {
            throw Invalid.resource("The slots of one appointment must have the same " + name + ": Slot/" + other.id()
                    + " differs from Slot/" + first.id());
        }
    }
}
