package org.gpconnect.appointment.booking.validation;

import java.util.List;
import java.util.regex.Pattern;
import org.gpconnect.appointment.booking.BookingOrganisation;
import org.gpconnect.appointment.foundations.mapping.FhirProfiles;
import org.gpconnect.common.fhir.FhirContexts;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * The booking organisation of a booking (appointment-management.md §4.1): the extension
 * Extension-GPConnect-BookingOrganisation-1 must reference ({@code "#1"}) the one contained resource, an
 * Organization with its ODS code, name and telecom; its type, when present, is coded in
 * GPConnect-OrganisationType-1. An absolute or missing reference, a missing name or telecom, or anything else
 * contained, is 422 INVALID_RESOURCE (§4.4).
 */
final class BookingOrganisationReader {

    // what the booking_org_ods and booking_org_type columns hold; real ODS codes are 3 to 10 characters
    private static final Pattern ODS_CODE = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final int MAX_TYPE_LENGTH = 32;

    private BookingOrganisationReader() {
    }

    static BookingOrganisation read(Appointment appointment) {
        List<Extension> extensions = AppointmentExtensions.withUrl(appointment, FhirProfiles.EXT_BOOKING_ORGANISATION);
        if (extensions.size() != 1) {
            throw Invalid.resource("The Appointment needs exactly one booking organisation extension ("
                    + FhirProfiles.EXT_BOOKING_ORGANISATION + ")");
        }
        if (!(extensions.get(0).getValue() instanceof Reference reference) || !reference.hasReference()
                || !reference.getReference().startsWith("#") || reference.getReference().length() < 2) {
            throw Invalid.resource("The booking organisation extension must reference the contained Organization"
                    + " (valueReference \"#1\"), not an absolute or external reference");
        }
        String localId = reference.getReference().substring(1);
        List<Resource> contained = appointment.getContained();
        if (contained.size() != 1) {
            throw Invalid.resource("The Appointment must contain exactly one resource, the booking Organization");
        }
        if (!(contained.get(0) instanceof Organization organization) || !localId.equals(organization.getIdElement().getIdPart())) {
            throw Invalid.resource("The booking organisation extension must reference the contained Organization (#" + localId + ")");
        }
        return new BookingOrganisation(odsCode(organization), name(organization), telecom(organization), type(organization),
                stored(organization));
    }

    private static String odsCode(Organization organization) {
        String ods = organization.getIdentifier().stream()
                .filter(i -> IdentifierSystems.ODS_ORGANIZATION_CODE.equals(i.getSystem()))
                .map(Identifier::getValue)
                .filter(v -> v != null && !v.isBlank())
                .findFirst()
                .orElseThrow(() -> Invalid.resource("The booking Organization needs an ODS code (identifier "
                        + IdentifierSystems.ODS_ORGANIZATION_CODE + ")"));
        if (!ODS_CODE.matcher(ods).matches()) {
            throw Invalid.resource("The booking Organization's ODS code is not an ODS code (letters and digits, at most 20)");
        }
        return ods;
    }

    private static String name(Organization organization) {
        if (!organization.hasName() || organization.getName().isBlank()) {
            throw Invalid.resource("The booking Organization needs a name");
        }
        return organization.getName();
    }

    private static String telecom(Organization organization) {
        return organization.getTelecom().stream()
                .map(ContactPoint::getValue)
                .filter(v -> v != null && !v.isBlank())
                .findFirst()
                .orElseThrow(() -> Invalid.resource("The booking Organization needs a telecom (a contact number)"));
    }

    /** The organisation type, sent only when the consumer searched with one (§4.1). */
    private static String type(Organization organization) {
        if (!organization.hasType()) {
            return null;
        }
        for (CodeableConcept type : organization.getType()) {
            for (Coding coding : type.getCoding()) {
                if (FhirProfiles.CS_ORGANISATION_TYPE.equals(coding.getSystem()) && coding.hasCode()
                        && coding.getCode().length() <= MAX_TYPE_LENGTH) {
                    return coding.getCode();
                }
            }
        }
        throw Invalid.resource("The booking Organization type must be coded in " + FhirProfiles.CS_ORGANISATION_TYPE);
    }

    /** As it will be stored and returned: as sent, but without its local id (the response numbers it #1). */
    private static String stored(Organization organization) {
        Organization copy = organization.copy();
        copy.setIdElement(null);
        return FhirContexts.stu3().newJsonParser().encodeResourceToString(copy);
    }
}
