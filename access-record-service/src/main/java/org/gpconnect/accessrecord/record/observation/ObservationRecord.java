package org.gpconnect.accessrecord.record.observation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.SharingControls;

/**
 * One observation (table {@code observation}): uncategorised data, a blood pressure (components, no value)
 * or an immunisation status (consent, dissent, invitation).
 *
 * @param effectiveDate a partial date when no time is known, else null
 * @param effectiveAt   the instant when a time is known, else null (both null: undated)
 */
public record ObservationRecord(
        UUID id,
        Kind kind,
        String code,
        String display,
        PartialDate effectiveDate,
        OffsetDateTime effectiveAt,
        OffsetDateTime issued,
        String performerId,
        BigDecimal valueQuantity,
        String valueUnit,
        String valueString,
        String comment,
        List<Component> components,
        SharingControls sharing) {

    public enum Kind {
        UNCATEGORISED, BLOOD_PRESSURE, IMMUNISATION_STATUS;

        public static Kind of(String value) {
            return Kind.valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    /** A blood pressure component (systolic or diastolic). */
    public record Component(String code, String display, BigDecimal value, String unit) {
    }

    /** When it happened as a date interval (the instant's day in the practice's zone), or null when undated. */
    public PartialDate effectiveInterval(ZoneId zone) {
        if (effectiveAt != null) {
            return PartialDate.day(effectiveAt.atZoneSameInstant(zone).toLocalDate());
        }
        return effectiveDate;
    }
}
