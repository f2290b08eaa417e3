package org.gpconnect.appointment.registration.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gpconnect.appointment.foundations.PatientEntity;
import org.gpconnect.appointment.foundations.PatientTelecom;
import org.gpconnect.appointment.pds.PdsPatient;
import org.gpconnect.appointment.registration.RegistrationRequest;

/**
 * The patient record a registration writes (foundations.md §9.2): a temporary ({@code T}) registration, active from
 * today until {@code today + temporaryDays}, with the demographics from the request and the gaps filled from the
 * verified PDS record (gender, home address, phone numbers and e-mail of a use the request did not send, title).
 * The NHS number is verified (it was just traced), the patient is not sensitive (PDS said so). A temporary
 * address and a temporary phone end with the registration. PDS is never updated.
 */
public final class TemporaryRegistration {

    public static final String TYPE = "T";

    private TemporaryRegistration() {
    }

    /** A new patient for the practice. */
    public static PatientEntity newPatient(String practiceOds, RegistrationRequest request, PdsPatient pds, LocalDate today,
                                           int temporaryDays) {
        PatientEntity patient = new PatientEntity();
        patient.id = UUID.randomUUID().toString();
        patient.practiceOds = practiceOds;
        patient.nhsNumber = request.nhsNumber();
        patient.version = 1;
        apply(patient, request, pds, today, temporaryDays);
        return patient;
    }

    /**
     * The demographics and registration of {@code patient} as the registration sets them; for a re-activated record,
     * what neither the request nor PDS gives (e.g. an address) is kept.
     */
    public static void apply(PatientEntity patient, RegistrationRequest request, PdsPatient pds, LocalDate today, int temporaryDays) {
        LocalDate end = today.plusDays(temporaryDays);
        patient.nhsNumberVerified = true;
        patient.sensitive = false;
        patient.title = request.title() != null ? request.title() : pds.title() != null ? pds.title() : patient.title;
        patient.givenNames = new ArrayList<>(request.givenNames());
        patient.familyName = request.familyName();
        patient.birthDate = request.birthDate();
        patient.gender = request.gender() != null ? request.gender() : pds.gender() != null ? pds.gender() : patient.gender;
        if (request.homeAddress() != null) {
            RegistrationRequest.Address home = request.homeAddress();
            setHome(patient, home.lines(), home.city(), home.district(), home.postalCode(), home.country());
        } else if (pds.homeAddress() != null) {
            PdsPatient.Address home = pds.homeAddress();
            setHome(patient, home.lines(), home.city(), home.district(), home.postalCode(), null);
        } else if (patient.addressLines == null) {
            patient.addressLines = new ArrayList<>();
        }
        RegistrationRequest.Address temp = request.tempAddress();
        patient.tempAddressLines = temp == null ? null : new ArrayList<>(temp.lines());
        patient.tempAddressCity = temp == null ? null : temp.city();
        patient.tempAddressDistrict = temp == null ? null : temp.district();
        patient.tempPostalCode = temp == null ? null : temp.postalCode();
        patient.tempAddressCountry = temp == null ? null : temp.country();
        patient.tempAddressEnd = temp == null ? null : end;
        List<PatientTelecom> telecoms = telecoms(request, pds, end);
        if (!telecoms.isEmpty() || patient.telecoms == null) {
            patient.telecoms = telecoms;
        }
        if (request.communication() != null) {
            patient.communicationLanguageCode = request.communication().languageCode();
            patient.communicationLanguageDisplay = request.communication().languageDisplay();
            patient.interpreterRequired = request.communication().interpreterRequired();
        }
        patient.registrationStatus = "active";
        patient.registrationType = TYPE;
        patient.registrationStart = today;
        patient.registrationEnd = end;
    }

    private static void setHome(PatientEntity patient, List<String> lines, String city, String district, String postalCode,
                                String country) {
        patient.addressLines = new ArrayList<>(lines);
        patient.addressCity = city;
        patient.addressDistrict = district;
        patient.postalCode = postalCode;
        patient.addressCountry = country;
    }

    /** The request's contact points, then PDS's phones and e-mail of a kind the request did not send. */
    static List<PatientTelecom> telecoms(RegistrationRequest request, PdsPatient pds, LocalDate end) {
        List<PatientTelecom> telecoms = new ArrayList<>();
        Set<String> sent = new HashSet<>();
        for (RegistrationRequest.Telecom telecom : request.telecoms()) {
            telecoms.add(telecom(telecom.system(), telecom.use(), telecom.value(), telecom.temporary() ? end : null));
            sent.add(kind(telecom.system(), telecom.use()));
        }
        for (PdsPatient.Telecom telecom : pds.telecoms()) {
            boolean storable = "phone".equals(telecom.system()) && telecom.use() != null
                    && Set.of("home", "work", "mobile").contains(telecom.use())
                    || "email".equals(telecom.system());
            if (storable && sent.add(kind(telecom.system(), telecom.use()))) {
                telecoms.add(telecom(telecom.system(), telecom.use(), telecom.value(), null));
            }
        }
        return telecoms;
    }

    private static String kind(String system, String use) {
        return "email".equals(system) ? "email" : system + "/" + use;
    }

    private static PatientTelecom telecom(String system, String use, String value, LocalDate end) {
        PatientTelecom telecom = new PatientTelecom();
        telecom.system = system;
        telecom.use = use;
        telecom.value = value;
        telecom.periodEnd = end;
        return telecom;
    }
}
