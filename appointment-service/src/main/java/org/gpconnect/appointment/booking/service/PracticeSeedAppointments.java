package org.gpconnect.appointment.booking.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gpconnect.appointment.booking.AppointmentEntity;
import org.gpconnect.appointment.booking.BookingOrganisation;
import org.gpconnect.appointment.booking.ChangeAuthor;
import org.gpconnect.appointment.booking.mapping.NewAppointments;
import org.gpconnect.appointment.booking.repository.BookingSlotRepository;
import org.gpconnect.common.fhir.FhirContexts;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.gpconnect.common.seed.SeedConfig;
import org.gpconnect.common.seed.SeedDataLoader;
import org.hl7.fhir.dstu3.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.dstu3.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.dstu3.model.Organization;
import org.jboss.logging.Logger;

/**
 * Demo data: the appointments the practice itself booked, which the standard dataset expects after every reset
 * (testdata/schedules_and_slots.yaml seed_appointments; rows of {@code seed_appointment}). After the slots have
 * rolled (ADR 0005), each row without a future booked appointment is booked into the practice's earliest free
 * slot, as an appointment of origin {@code practice}, through the same transaction (and so the same event) as
 * any booking. Running it again books nothing new, so it runs at every start-up and after every roll. Only when
 * demo data is switched on.
 *
 * <p>The earliest slots of the dataset's days (09:00 to 09:40) are not GP Connect bookable: the seed appointments
 * take those, so the GP Connect bookable slots stay exactly as the dataset lists them.
 */
@ApplicationScoped
public class PracticeSeedAppointments {

    private static final Logger LOG = Logger.getLogger(PracticeSeedAppointments.class);

    static final String UNBOOKED = """
            SELECT t.practice_ods, t.patient_id, p.nhs_number, t.description, t.comment,
                   t.booking_org_ods, t.booking_org_name, t.booking_org_telecom
              FROM seed_appointment t
              JOIN patient p ON p.id = t.patient_id
             WHERE NOT EXISTS (
                   SELECT 1 FROM appointment a
                    WHERE a.practice_ods = t.practice_ods AND a.patient_id = t.patient_id AND a.origin = 'practice'
                      AND a.description = t.description AND a.status = 'booked' AND a.start_at > now())
             ORDER BY t.practice_ods, t.position
            """;

    private final Pool pool;
    private final BookingSlotRepository slots;
    private final BookingTransaction transaction;
    private final SeedConfig seed;

    public PracticeSeedAppointments(Pool pool, BookingSlotRepository slots, BookingTransaction transaction, SeedConfig seed) {
        this.pool = pool;
        this.slots = slots;
        this.transaction = transaction;
        this.seed = seed;
    }

    void onStart(@Observes @Priority(SeedDataLoader.PRIORITY + 2) StartupEvent event) throws Throwable {
        if (seed.enabled()) {
            // Hibernate Reactive needs a Vert.x context, which a start-up observer does not run on
            VertxContextSupport.subscribeAndAwait(this::bookMissing);
        }
    }

    @Scheduled(every = "${gpconnect.appointments.slots.roll-interval:1h}", delayed = "${gpconnect.appointments.slots.roll-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!seed.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return bookMissing().onFailure().invoke(e -> LOG.error("Booking the seed appointments failed; the next run will retry", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Books the seed appointments that have no future booking; returns how many were booked. */
    public Uni<Integer> bookMissing() {
        return pool.query(UNBOOKED).execute()
                .map(rows -> {
                    List<Template> templates = new ArrayList<>();
                    for (Row row : rows) {
                        templates.add(new Template(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                                row.getString(4), organisation(row.getString(5), row.getString(6), row.getString(7))));
                    }
                    return templates;
                })
                .onItem().transformToMulti(templates -> Multi.createFrom().iterable(templates))
                .onItem().transformToUniAndConcatenate(this::book)
                .filter(Objects::nonNull)
                .collect().asList()
                .invoke(booked -> {
                    if (!booked.isEmpty()) {
                        LOG.infof("Booked %d seed appointments", booked.size());
                    }
                })
                .map(List::size);
    }

    private Uni<AppointmentEntity> book(Template template) {
        Instant now = Now.instant();
        return slots.earliestFree(template.practiceOds(), now).chain(slot -> {
            if (slot == null) {
                LOG.warnf("No free slot for the seed appointment of patient %s at %s", template.patientId(), template.practiceOds());
                return Uni.createFrom().nullItem();
            }
            AppointmentEntity appointment = NewAppointments.bookedByPractice(template.practiceOds(), template.patientId(), slot,
                    template.description(), template.comment(), template.bookedBy(), now);
            return transaction.book(appointment, template.patientNhsNumber(), ChangeAuthor.PRACTICE);
        });
    }

    /** The booking organisation as a booking system would have contained it. */
    private static BookingOrganisation organisation(String ods, String name, String telecom) {
        Organization organization = new Organization();
        organization.getMeta().addProfile(CareConnectProfiles.ORGANIZATION);
        organization.addIdentifier().setSystem(IdentifierSystems.ODS_ORGANIZATION_CODE).setValue(ods);
        organization.setName(name);
        organization.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(telecom).setUse(ContactPointUse.WORK);
        return new BookingOrganisation(ods, name, telecom, null, FhirContexts.stu3().newJsonParser().encodeResourceToString(organization));
    }

    private record Template(String practiceOds, String patientId, String patientNhsNumber, String description, String comment,
                            BookingOrganisation bookedBy) {
    }
}
