package org.gpconnect.appointment.booking.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.gpconnect.appointment.booking.BookingSlot;
import org.gpconnect.appointment.booking.ChangeAuthor;
import org.gpconnect.appointment.booking.NewAppointment;
import org.gpconnect.appointment.booking.StoredAppointment;
import org.gpconnect.appointment.booking.mapping.NewAppointments;
import org.gpconnect.appointment.booking.repository.BookingSlotRepository;
import org.gpconnect.appointment.booking.validation.BookingRequestReader;
import org.gpconnect.appointment.booking.validation.PatientEligibility;
import org.gpconnect.appointment.booking.validation.ScheduleActorsValidator;
import org.gpconnect.appointment.booking.validation.SlotAvailabilityValidator;
import org.gpconnect.appointment.booking.validation.SlotSetValidator;
import org.gpconnect.appointment.foundations.repository.PatientRepository;
import org.gpconnect.appointment.practice.Practice;
import org.hl7.fhir.dstu3.model.Appointment;

/**
 * Book an appointment (appointment-management.md §4): the body is validated on its own, then against the
 * patient and the slots (two reads), then written by {@link BookingTransaction}. Nothing is written unless every
 * rule passed and every slot was still free when taken.
 */
@ApplicationScoped
public class BookingService {

    private final PatientRepository patients;
    private final BookingSlotRepository slots;
    private final BookingTransaction transaction;

    public BookingService(PatientRepository patients, BookingSlotRepository slots, BookingTransaction transaction) {
        this.patients = patients;
        this.slots = slots;
        this.transaction = transaction;
    }

    public Uni<StoredAppointment> book(Practice practice, Appointment body, ChangeAuthor author) {
        NewAppointment request = BookingRequestReader.read(body);
        ZoneId zone = ZoneId.of(practice.timeZone);
        Instant now = Now.instant();
        return patients.findByLogicalId(practice.odsCode, request.patientId())
                .map(found -> PatientEligibility.forBooking(found, request.patientId(), LocalDate.now(zone)))
                .chain(patient -> slots.find(practice.odsCode, request.slotIds())
                        .map(found -> {
                            List<BookingSlot> ordered = SlotSetValidator.check(request, found);
                            SlotAvailabilityValidator.check(ordered, request.bookingOrganisation(), now);
                            ScheduleActorsValidator.check(request, ordered.get(0));
                            return NewAppointments.booked(practice.odsCode, request, ordered, now);
                        })
                        .chain(appointment -> transaction.book(appointment, patient.nhsNumber, author))
                        .onFailure(SlotConflicts::isSlotConflict).transform(e -> SlotConflicts.slotTaken())
                        .map(booked -> new StoredAppointment(booked, patient)));
    }
}
