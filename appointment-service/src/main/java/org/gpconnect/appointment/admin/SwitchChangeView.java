package org.gpconnect.appointment.admin;

import java.time.Instant;

/** One recorded switch change: which switch, from what to what, when and by whom. */
public record SwitchChangeView(long id, String switchName, boolean oldValue, boolean newValue, Instant changedAt,
                               String changedBy) {
}
