package org.gpconnect.appointment.admin;

import java.util.List;

/**
 * A schedule with its rolling window (slots exist for days today + firstDayOffset to today + lastDayOffset; an
 * empty window when lastDayOffset &lt; firstDayOffset) and its sessions.
 */
public record ScheduleView(String id, String identifier, String serviceCategory, String practitionerId, String locationId,
                           int firstDayOffset, int lastDayOffset, List<SessionView> sessions) {
}
