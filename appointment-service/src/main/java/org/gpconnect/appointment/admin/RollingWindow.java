package org.gpconnect.appointment.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A schedule's rolling window (PUT body): slots for days today + {@code firstDayOffset} to today +
 * {@code lastDayOffset}, practice local date. {@code lastDayOffset} one less than {@code firstDayOffset} closes the
 * window (no new slots).
 */
public record RollingWindow(@NotNull @Min(0) @Max(366) Integer firstDayOffset, @NotNull @Min(0) @Max(366) Integer lastDayOffset) {
}
