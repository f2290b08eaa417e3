package org.gpconnect.appointment.booking.validation;

import java.util.List;
import java.util.Set;
import org.gpconnect.appointment.foundations.mapping.FhirProfiles;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Extension;

/**
 * The extensions GPConnect-Appointment-1 defines (appointment-management.md §2). Any other extension is
 * refused: providers reject what they do not understand in a write (foundations.md §4), and on cancel a
 * cancellation reason under a wrong URL must be reported as such, before the reason is found missing (§7).
 */
final class AppointmentExtensions {

    static final Set<String> KNOWN = Set.of(FhirProfiles.EXT_BOOKING_ORGANISATION, FhirProfiles.EXT_PRACTITIONER_ROLE,
            FhirProfiles.EXT_DELIVERY_CHANNEL, FhirProfiles.EXT_CANCELLATION_REASON);

    private AppointmentExtensions() {
    }

    static void onlyKnown(Appointment appointment) {
        for (Extension extension : appointment.getExtension()) {
            if (!KNOWN.contains(extension.getUrl())) {
                throw Invalid.resource("The Appointment has an extension that GPConnect-Appointment-1 does not define: "
                        + (extension.hasUrl() ? extension.getUrl() : "(no url)"));
            }
        }
    }

    static List<Extension> withUrl(Appointment appointment, String url) {
        return appointment.getExtension().stream().filter(e -> url.equals(e.getUrl())).toList();
    }

    /** The extension with this URL, or null; more than one is refused. */
    static Extension atMostOne(Appointment appointment, String url) {
        List<Extension> found = withUrl(appointment, url);
        if (found.size() > 1) {
            throw Invalid.resource("The Appointment has the extension " + url + " more than once");
        }
        return found.isEmpty() ? null : found.get(0);
    }
}
