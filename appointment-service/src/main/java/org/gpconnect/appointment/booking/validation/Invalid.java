package org.gpconnect.appointment.booking.validation;

import org.gpconnect.common.error.GpConnectException;

/** The 422 INVALID_RESOURCE every rule of a submitted Appointment fails with (appointment-management.md §4.4, §6, §7). */
final class Invalid {

    private Invalid() {
    }

    static GpConnectException resource(String diagnostics) {
        return GpConnectException.invalidResource(diagnostics);
    }
}
