package org.gpconnect.appointment.booking;

/**
 * The organisation that booked an appointment: the Organization the booking system contains in its
 * Appointment (appointment-management.md §4.1), stored and returned in every later read (§4.2).
 *
 * @param odsCode   its ODS code
 * @param name      its name
 * @param telecom   its (first) telephone number or other contact value
 * @param type      its GPConnect-OrganisationType-1 code, or null when it sent none
 * @param resource  the Organization as received, FHIR JSON without its contained id
 */
public record BookingOrganisation(String odsCode, String name, String telecom, String type, String resource) {
}
