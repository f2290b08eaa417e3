package org.gpconnect.appointment.registration.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gpconnect.appointment.booking.ChangeAuthor;
import org.gpconnect.appointment.config.AppointmentServiceConfig;
import org.gpconnect.appointment.foundations.PatientEntity;
import org.gpconnect.appointment.foundations.repository.PatientRepository;
import org.gpconnect.appointment.pds.Pds;
import org.gpconnect.appointment.pds.PdsPatient;
import org.gpconnect.appointment.pds.client.PdsUnavailableException;
import org.gpconnect.appointment.practice.Practice;
import org.gpconnect.appointment.registration.RegistrationRequest;
import org.gpconnect.appointment.registration.validation.RegisterPatientRequestReader;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.hl7.fhir.dstu3.model.Parameters;

/**
 * Register a patient (foundations.md §9.2), in the order of the spec's provider flow:
 * <ol>
 *   <li>read the request ({@link RegisterPatientRequestReader}: 422 INVALID_RESOURCE / 400 INVALID_NHS_NUMBER);</li>
 *   <li>retrieve the NHS number's PDS record (PDS unavailable → 500 INTERNAL_SERVER_ERROR) and check it
 *       ({@link PdsChecks}: on PDS, not invalidated or superseded, not sensitive, not deceased, demographics
 *       verified);</li>
 *   <li>look the NHS number up in the practice's patient index: registered (active, any registration type, and not
 *       lapsed) → 409 DUPLICATE_REJECTED; deceased here → 400 INVALID_PATIENT_DEMOGRAPHICS; inactive or lapsed →
 *       re-activate as temporary; none → create a temporary registration ({@link TemporaryRegistration});</li>
 *   <li>write it with its provenance in one transaction ({@link RegistrationTransaction}); a concurrent registration
 *       of the same number that committed first makes this one 409 DUPLICATE_REJECTED.</li>
 * </ol>
 * Every refusal after the request was read names the patient for the gateway's audit record.
 */
@ApplicationScoped
public class RegistrationService {

    private final PatientRepository patients;
    private final Pds pds;
    private final RegistrationTransaction transaction;
    private final AppointmentServiceConfig config;

    public RegistrationService(PatientRepository patients, Pds pds, RegistrationTransaction transaction,
                               AppointmentServiceConfig config) {
        this.patients = patients;
        this.pds = pds;
        this.transaction = transaction;
        this.config = config;
    }

    /** The registered patient, as the practice's index now holds it. */
    public Uni<PatientEntity> register(Practice practice, Parameters body, ChangeAuthor author) {
        RegistrationRequest request = RegisterPatientRequestReader.read(body);
        LocalDate today = LocalDate.now(ZoneId.of(practice.timeZone));
        return pds.retrieve(request.nhsNumber(), author.traceId())
                .onFailure(PdsUnavailableException.class).transform(e -> new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR,
                        "The Personal Demographics Service could not be reached to trace the patient; try again later"))
                .map(lookup -> PdsChecks.admit(request, lookup))
                .chain(traced -> patients.findByNhsNumber(practice.odsCode, request.nhsNumber())
                        .chain(existing -> registerOrReactivate(practice, request, traced, existing, today, author)))
                .onFailure(GpConnectException.class).transform(e -> ((GpConnectException) e).forPatient(request.nhsNumber()));
    }

    private Uni<PatientEntity> registerOrReactivate(Practice practice, RegistrationRequest request, PdsPatient traced,
                                                    PatientEntity existing, LocalDate today, ChangeAuthor author) {
        int days = config.registration().temporaryDays();
        Instant now = Instant.now();
        if (existing == null) {
            PatientEntity patient = TemporaryRegistration.newPatient(practice.odsCode, request, traced, today, days);
            return transaction.create(patient, author, now, traced.versionId())
                    .onFailure(RegistrationConflicts::isDuplicate).transform(e -> RegistrationConflicts.alreadyRegistered());
        }
        if (existing.deceasedDate != null) {
            throw new GpConnectException(SpineCode.INVALID_PATIENT_DEMOGRAPHICS, "The patient is recorded as deceased at this practice");
        }
        if (registered(existing, today)) {
            throw RegistrationConflicts.alreadyRegistered();
        }
        TemporaryRegistration.apply(existing, request, traced, today, days);
        return transaction.reactivate(existing, today, author, now, traced.versionId())
                .chain(() -> patients.findByLogicalId(practice.odsCode, existing.id));
    }

    /** Actively registered: status active and the registration has not ended (an expired temporary one has). */
    static boolean registered(PatientEntity patient, LocalDate today) {
        return "active".equals(patient.registrationStatus)
                && (patient.registrationEnd == null || !patient.registrationEnd.isBefore(today));
    }
}
