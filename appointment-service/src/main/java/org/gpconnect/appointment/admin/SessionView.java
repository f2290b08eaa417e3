package org.gpconnect.appointment.admin;

import java.util.List;

/**
 * A slot session as the admin API shows it; {@code version} moves with every change (send it back as
 * {@code If-Match} to update only what you read).
 */
public record SessionView(long id, String scheduleId, List<String> daysOfWeek, String startTime, String endTime, int slotMinutes,
                          boolean gpConnectBookable, String deliveryChannel, String serviceType,
                          String restrictedToOrganisationOds, String restrictedToOrganisationType, int version) {
}
