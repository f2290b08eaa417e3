package org.gpconnect.appointment.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A slot session as the practice defines it (POST and PUT body): on the given days of the schedule's rolling
 * window, from {@code startTime} to {@code endTime} (practice local time), slots of {@code slotMinutes} each.
 *
 * @param daysOfWeek                    the days it runs ({@code MONDAY} ... {@code SUNDAY}); every day when absent
 * @param startTime                     {@code HH:mm}
 * @param endTime                       {@code HH:mm}, after the start; the session is a whole number of slots
 * @param slotMinutes                   1 to 480
 * @param gpConnectBookable             whether GP Connect consumers may book its slots
 * @param deliveryChannel               {@code In-person}, {@code Telephone} or {@code Video}
 * @param serviceType                   the practice's slot type (what the consumer sees as the service type)
 * @param restrictedToOrganisationOds   only this organisation may book (searchFilter), or null
 * @param restrictedToOrganisationType  only organisations of this GPConnect-OrganisationType-1 type may book, or null
 */
public record SessionTemplate(
        @Size(min = 1, max = 7, message = "must name 1 to 7 days") Set<@NotNull DayOfWeek> daysOfWeek,
        @NotNull LocalTime startTime,
        @NotNull LocalTime endTime,
        @NotNull @Min(1) @Max(480) Integer slotMinutes,
        @NotNull Boolean gpConnectBookable,
        @NotNull @Pattern(regexp = "In-person|Telephone|Video", message = "must be In-person, Telephone or Video") String deliveryChannel,
        @NotBlank @Size(max = 100) String serviceType,
        @Pattern(regexp = "[A-Z0-9]{3,10}", message = "must be an ODS code (3 to 10 upper-case letters and digits)") String restrictedToOrganisationOds,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}", message = "must be a GPConnect-OrganisationType-1 code such as urgent-care")
        String restrictedToOrganisationType) {

    /** The days it runs, every day when none were given. */
    public Set<DayOfWeek> days() {
        return daysOfWeek == null ? Set.of(DayOfWeek.values()) : daysOfWeek;
    }
}
