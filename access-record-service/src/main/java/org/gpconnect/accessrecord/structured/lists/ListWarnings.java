package org.gpconnect.accessrecord.structured.lists;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The warnings one list carries, each with the date its note names. Collected while deciding which items
 * go into the list: an excluded item sets the warning of the list it would have appeared in (§7.3).
 */
public final class ListWarnings {

    private final Map<ListWarning, LocalDate> warnings = new EnumMap<>(ListWarning.class);

    /** The warnings every list of this patient carries (data in transit: §7.3 "applies to all lists"). */
    public static ListWarnings forPatient(boolean recordInTransit, LocalDate registrationStart) {
        ListWarnings w = new ListWarnings();
        if (recordInTransit) {
            w.warnings.put(ListWarning.DATA_IN_TRANSIT, registrationStart);
        }
        return w;
    }

    public ListWarnings copy() {
        ListWarnings w = new ListWarnings();
        w.warnings.putAll(warnings);
        return w;
    }

    public void confidentialItemExcluded() {
        warnings.put(ListWarning.CONFIDENTIAL_ITEMS, null);
    }

    /** An item awaiting filing was left out; the note names the earliest such item's arrival. */
    public void itemAwaitingFiling(LocalDate since) {
        warnings.merge(ListWarning.DATA_AWAITING_FILING, since, (a, b) -> a.isBefore(b) ? a : b);
    }

    Map<ListWarning, LocalDate> asMap() {
        return warnings;
    }

    /**
     * Whether an item was left out of the list (confidential or awaiting filing): a secondary list with no
     * entries is sent only then (§7.2), not for the patient-wide data-in-transit warning alone.
     */
    public boolean itemsExcluded() {
        return warnings.containsKey(ListWarning.CONFIDENTIAL_ITEMS) || warnings.containsKey(ListWarning.DATA_AWAITING_FILING);
    }

    public boolean has(ListWarning warning) {
        return warnings.containsKey(warning);
    }
}
