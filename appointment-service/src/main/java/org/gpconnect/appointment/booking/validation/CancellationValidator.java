package org.gpconnect.appointment.booking.validation;

import java.util.List;
import org.gpconnect.appointment.foundations.mapping.FhirProfiles;
import org.gpconnect.common.error.GpConnectException;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Appointment.AppointmentStatus;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * A cancellation (appointment-management.md §7): the appointment as read, with the status {@code cancelled} and
 * a cancellation reason extension, nothing else changed. In the order the spec gives: an extension this profile
 * does not define (a reason under a wrong URL) is 422 INVALID_RESOURCE; then a reason that is missing or empty is
 * 422 INVALID_PARAMETER (the test pack's code); then any other status, or any other change
 * ({@link UnchangedElements}), is 422 INVALID_RESOURCE.
 */
public final class CancellationValidator {

    private CancellationValidator() {
    }

    /**
     * @param stored the appointment's current version, as a read returns it
     * @return the cancellation reason to store
     */
    public static String check(Appointment submitted, Appointment stored) {
        AppointmentExtensions.onlyKnown(submitted);
        List<Extension> reasons = AppointmentExtensions.withUrl(submitted, FhirProfiles.EXT_CANCELLATION_REASON);
        if (reasons.size() > 1) {
            throw Invalid.resource("The cancellation reason extension may be given only once");
        }
        if (reasons.isEmpty() || !reasons.get(0).hasValue()) {
            throw GpConnectException.invalidParameter("A cancellation needs a reason: the extension "
                    + FhirProfiles.EXT_CANCELLATION_REASON + " with a valueString");
        }
        // fhirType, not instanceof: HAPI's code, id, markdown... types are StringType subclasses
        if (!"string".equals(reasons.get(0).getValue().fhirType())) {
            throw Invalid.resource("The cancellation reason must be a valueString");
        }
        StringType reason = (StringType) reasons.get(0).getValue();
        if (reason.getValue() == null || reason.getValue().isBlank()) {
            throw GpConnectException.invalidParameter("The cancellation reason is empty");
        }
        if (submitted.getStatus() != AppointmentStatus.CANCELLED) {
            throw Invalid.resource("A cancellation must set the appointment's status to cancelled");
        }
        Appointment rest = submitted.copy();
        rest.getExtension().removeIf(e -> FhirProfiles.EXT_CANCELLATION_REASON.equals(e.getUrl()));
        rest.setStatus(stored.getStatus());
        List<String> changed = UnchangedElements.differences(stored, rest);
        if (!changed.isEmpty()) {
            throw Invalid.resource("A cancellation can only set the status and the cancellation reason; this request"
                    + " also changes: " + String.join(", ", changed));
        }
        return reason.getValue();
    }
}
