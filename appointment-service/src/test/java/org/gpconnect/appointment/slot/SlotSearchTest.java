package org.gpconnect.appointment.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome;
import static org.gpconnect.appointment.slot.SlotSearchApi.BOOKABLE_PER_DAY;
import static org.gpconnect.appointment.slot.SlotSearchApi.LONDON;
import static org.gpconnect.appointment.slot.SlotSearchApi.all;
import static org.gpconnect.appointment.slot.SlotSearchApi.ids;
import static org.gpconnect.appointment.slot.SlotSearchApi.query;
import static org.gpconnect.appointment.slot.SlotSearchApi.search;
import static org.gpconnect.appointment.slot.SlotSearchApi.searchOk;
import static org.gpconnect.appointment.slot.SlotSearchApi.startTimes;
import static org.gpconnect.appointment.slot.SlotSearchApi.today;
import static org.gpconnect.appointment.slot.SlotSearchApi.ukDateTime;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.parsing.Parser;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gpconnect.appointment.foundations.FoundationsApi;
import org.gpconnect.common.interaction.Interaction;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;
import org.junit.jupiter.api.Test;

/**
 * What search for free slots returns, against the standard dataset (testdata/schedules_and_slots.yaml, ADR
 * 0005): appointment-management.md §3.3 (free, GP Connect bookable, not Visit, entirely inside the window,
 * only the addressed practice's; Schedules always, Practitioners and Locations when asked for, the
 * Organization whenever a slot is returned, each once; nothing found is an empty searchset), §2 (profiles,
 * extensions, UK local date-times) and foundations.md §4 (formats, caching) and §8 (CapabilityStatement).
 *
 * <p>Per day from tomorrow, schedules 1 (today+1..+9), 2 and 12 (today+1..+6) each have 44 bookable slots from
 * 09:40 to 17:00, after four non-bookable ones from 09:00; schedule 2 also has six restricted slots from 17:00,
 * never returned without a searchFilter (see {@link SlotSearchFilterTest}).
 */
@QuarkusTest
class SlotSearchTest {

    private static final LocalDate TOMORROW = today().plusDays(1);

    @Inject
    Pool pool;

    // ---------------------------------------------------------------- which slots

    @Test
    void aDayReturnsTheBookableSlotsOfEachScheduleAndNeverTheNonBookableOnes() {
        Bundle bundle = searchOk(query(TOMORROW, TOMORROW));
        List<Slot> slots = all(bundle, Slot.class);

        assertThat(slots).hasSize(3 * BOOKABLE_PER_DAY);
        Map<String, Long> perSchedule = slots.stream()
                .collect(Collectors.groupingBy(s -> s.getSchedule().getReference(), Collectors.counting()));
        assertThat(perSchedule).containsOnly(Map.entry("Schedule/1", 44L), Map.entry("Schedule/2", 44L), Map.entry("Schedule/12", 44L));
        // 09:00-09:40 is not GP Connect bookable; the first returned slot of the day is 09:40, the last 16:50
        assertThat(startTimes(bundle)).allMatch(t -> t.compareTo("09:40") >= 0 && t.compareTo("16:50") <= 0);
        assertThat(startTimes(bundle)).first().isEqualTo("09:40");
        assertThat(slots).allMatch(s -> s.getStart().toInstant().atZone(LONDON).toLocalDate().equals(TOMORROW));
        // in time order
        assertThat(slots).isSortedAccordingTo((a, b) -> a.getStart().compareTo(b.getStart()));
    }

    @Test
    void fourteenDaysReturnEverySlotOfTheRollingWindows() {
        Bundle bundle = searchOk(query(today(), today().plusDays(14)));
        // schedule 1: 9 days, schedules 2 and 12: 6 days each
        assertThat(all(bundle, Slot.class)).hasSize((9 + 6 + 6) * BOOKABLE_PER_DAY);
        assertThat(bundle.getTotal()).isEqualTo(bundle.getEntry().size());
    }

    @Test
    void aWindowDayWithOnlyScheduleOneReturnsOnlyItsResources() {
        LocalDate day = today().plusDays(8);
        Bundle bundle = searchOk(query(day, day).include("Schedule:actor:Practitioner").include("Schedule:actor:Location"));
        assertThat(all(bundle, Slot.class)).hasSize(BOOKABLE_PER_DAY);
        assertThat(ids(all(bundle, Schedule.class))).containsExactly("1");
        assertThat(ids(all(bundle, Practitioner.class))).containsExactly("1");
        assertThat(ids(all(bundle, Location.class))).containsExactly("16");
        assertThat(ids(all(bundle, Organization.class))).containsExactly("1");
    }

    @Test
    void slotsPartlyOutsideTheWindowAreLeftOut() {
        // 10:05 to 11:05: the 10:00 slot starts too early and the 11:00 one ends too late
        Bundle bundle = searchOk(query(ukDateTime(TOMORROW, "10:05"), ukDateTime(TOMORROW, "11:05")));
        assertThat(startTimes(bundle)).containsOnly("10:10", "10:20", "10:30", "10:40", "10:50").hasSize(5 * 3);
        // bounds are inclusive: a slot starting at start or ending at end is inside
        assertThat(startTimes(searchOk(query(ukDateTime(TOMORROW, "10:00"), ukDateTime(TOMORROW, "11:00")))))
                .containsOnly("10:00", "10:10", "10:20", "10:30", "10:40", "10:50").hasSize(6 * 3);
    }

    @Test
    void aBookedSlotIsNotReturned() {
        String slotId = FoundationsApi.scalar(pool, "SELECT id FROM slot WHERE schedule_id = '1' AND start_at = $1",
                TOMORROW.atTime(LocalTime.of(10, 0)).atZone(LONDON).toOffsetDateTime());
        FoundationsApi.update(pool, "UPDATE slot SET status = 'busy' WHERE id = $1", Long.valueOf(slotId));
        try {
            List<Slot> slots = all(searchOk(query(TOMORROW, TOMORROW)), Slot.class);
            assertThat(slots).hasSize(3 * BOOKABLE_PER_DAY - 1);
            assertThat(ids(slots)).doesNotContain(slotId);
        } finally {
            FoundationsApi.update(pool, "UPDATE slot SET status = 'free' WHERE id = $1", Long.valueOf(slotId));
        }
        assertThat(ids(all(searchOk(query(TOMORROW, TOMORROW)), Slot.class))).contains(slotId);
    }

    @Test
    void visitSlotsAreNeverReturnedEvenWhenMarkedBookable() {
        // the slot table does not constrain the channel; a visit that got in must still never be exposed (§3.4, §9)
        String visitId = FoundationsApi.scalar(pool, "INSERT INTO slot (schedule_id, start_at, end_at, status, gp_connect_bookable,"
                        + " delivery_channel, service_type) VALUES ('1', $1, $2, 'free', true, 'Visit', 'Home visit') RETURNING id",
                TOMORROW.atTime(18, 30).atZone(LONDON).toOffsetDateTime(), TOMORROW.atTime(18, 40).atZone(LONDON).toOffsetDateTime());
        try {
            Bundle bundle = searchOk(query(TOMORROW, TOMORROW));
            assertThat(all(bundle, Slot.class)).hasSize(3 * BOOKABLE_PER_DAY);
            assertThat(ids(all(bundle, Slot.class))).doesNotContain(visitId);
        } finally {
            FoundationsApi.update(pool, "DELETE FROM slot WHERE id = $1", Long.valueOf(visitId));
        }
    }

    @Test
    void onlyTheAddressedPracticesSlotsAreSearched() {
        // a second practice (R1A14, organisation 2) with one free bookable slot tomorrow at 12:00
        FoundationsApi.update(pool, "INSERT INTO practice (ods_code, organization_id, gp_connect_enabled, appointments_enabled)"
                + " VALUES ('R1A14', '2', true, true)");
        FoundationsApi.update(pool, "INSERT INTO schedule (id, practice_ods, service_category_display, practitioner_id, location_id,"
                + " planning_horizon_start) VALUES ('test-r1a14', 'R1A14', 'Clinic', '2', '8', now())");
        String otherSlot = FoundationsApi.scalar(pool, "INSERT INTO slot (schedule_id, start_at, end_at, status, gp_connect_bookable,"
                        + " delivery_channel, service_type) VALUES ('test-r1a14', $1, $2, 'free', true, 'Telephone', 'Clinic') RETURNING id",
                TOMORROW.atTime(12, 0).atZone(LONDON).toOffsetDateTime(), TOMORROW.atTime(12, 10).atZone(LONDON).toOffsetDateTime());
        try {
            Bundle ours = searchOk(query(TOMORROW, TOMORROW));
            assertThat(ids(all(ours, Slot.class))).doesNotContain(otherSlot).hasSize(3 * BOOKABLE_PER_DAY);
            assertThat(ids(all(ours, Schedule.class))).doesNotContain("test-r1a14");

            Bundle theirs = FoundationsApi.bundle(FoundationsApi.as(Interaction.SLOT_SEARCH).urlEncodingEnabled(false)
                    .when().get(query(TOMORROW, TOMORROW).url().replace("/B82617/", "/R1A14/"))
                    .then().statusCode(200).extract().asString());
            assertThat(ids(all(theirs, Slot.class))).containsExactly(otherSlot);
            assertThat(ids(all(theirs, Schedule.class))).containsExactly("test-r1a14");
            // location 8 is managed by organisation 5 (R1A17): the Organization returned is the location's
            assertThat(ids(all(theirs, Organization.class))).containsExactly("5");
        } finally {
            FoundationsApi.update(pool, "DELETE FROM slot WHERE schedule_id = 'test-r1a14'");
            FoundationsApi.update(pool, "DELETE FROM schedule WHERE id = 'test-r1a14'");
            FoundationsApi.update(pool, "DELETE FROM practice WHERE ods_code = 'R1A14'");
        }
    }

    @Test
    void aWindowWithNoSlotsIsAnEmptySearchset() {
        LocalDate farAhead = today().plusDays(60);
        search(query(farAhead, farAhead.plusDays(14))).statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("meta.profile[0]", equalTo(FoundationsApi.SEARCHSET_PROFILE))
                .body("total", equalTo(0))
                // no slot, so no Schedule, Organization or anything else either
                .body("entry", nullValue());
    }

    @Test
    void aPracticeNotServedIs404OrganisationNotFound() {
        assertOutcome(FoundationsApi.as(Interaction.SLOT_SEARCH).urlEncodingEnabled(false).when()
                .get(query(TOMORROW, TOMORROW).url().replace("/B82617/", "/R1A14/")).then(), 404, "ORGANISATION_NOT_FOUND");
        assertOutcome(FoundationsApi.as(Interaction.SLOT_SEARCH).urlEncodingEnabled(false).when()
                .get(query(TOMORROW, TOMORROW).url().replace("/B82617/", "/INVOC1/")).then(), 404, "ORGANISATION_NOT_FOUND");
    }

    // ---------------------------------------------------------------- which linked resources

    @Test
    void schedulesAndTheOrganizationAlwaysComeWithSlotsButActorsOnlyWhenAskedFor() {
        Bundle bundle = searchOk(query(TOMORROW, TOMORROW));
        assertThat(ids(all(bundle, Schedule.class))).containsExactlyInAnyOrder("1", "2", "12");
        assertThat(ids(all(bundle, Organization.class))).containsExactly("1");
        assertThat(all(bundle, Practitioner.class)).isEmpty();
        assertThat(all(bundle, Location.class)).isEmpty();
        // every Slot's Schedule is in the Bundle
        assertThat(all(bundle, Slot.class)).allMatch(s -> ids(all(bundle, Schedule.class))
                .contains(s.getSchedule().getReferenceElement().getIdPart()));
    }

    @Test
    void practitionersOnlyWhenAskedFor() {
        Bundle bundle = searchOk(query(TOMORROW, TOMORROW).include("Schedule:actor:Practitioner"));
        // schedules 1 and 12 are practitioner 1's (G13579135), schedule 2 practitioner 3's (G22345655): each once
        assertThat(ids(all(bundle, Practitioner.class))).containsExactlyInAnyOrder("1", "3");
        assertThat(all(bundle, Location.class)).isEmpty();
        assertThat(ids(all(bundle, Organization.class))).containsExactly("1");
    }

    @Test
    void locationsOnlyWhenAskedFor() {
        Bundle bundle = searchOk(query(TOMORROW, TOMORROW).include("Schedule:actor:Location"));
        assertThat(ids(all(bundle, Location.class))).containsExactlyInAnyOrder("16", "17");
        assertThat(all(bundle, Practitioner.class)).isEmpty();
        assertThat(ids(all(bundle, Organization.class))).containsExactly("1");
    }

    @Test
    void everythingAskedForComesOnceInOrderSlotsFirst() {
        Bundle bundle = searchOk(query(TOMORROW, TOMORROW.plusDays(1))
                .include("Schedule:actor:Practitioner").include("Schedule:actor:Location")
                .include("Location:managingOrganization"));
        List<String> types = bundle.getEntry().stream().map(e -> e.getResource().fhirType()).distinct().toList();
        assertThat(types).containsExactly("Slot", "Schedule", "Practitioner", "Location", "Organization");
        assertThat(bundle.getEntry()).hasSize(2 * 3 * BOOKABLE_PER_DAY + 3 + 2 + 2 + 1);
        List<String> keys = bundle.getEntry().stream()
                .map(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart()).toList();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(bundle.getEntry()).allMatch(e -> e.getFullUrl() == null);
        // every reference between the returned resources resolves inside the Bundle
        for (Schedule schedule : all(bundle, Schedule.class)) {
            for (Reference actor : schedule.getActor()) {
                assertThat(keys).contains(actor.getReference());
            }
        }
        for (Location location : all(bundle, Location.class)) {
            assertThat(keys).contains(location.getManagingOrganization().getReference());
        }
    }

    // ---------------------------------------------------------------- the resources

    @Test
    void aSlotIsAGpConnectSlot() {
        Bundle bundle = searchOk(query(ukDateTime(TOMORROW, "09:40"), ukDateTime(TOMORROW, "09:50")));
        Slot slot = all(bundle, Slot.class).stream().filter(s -> s.getSchedule().getReference().equals("Schedule/1")).findFirst().orElseThrow();
        String version = FoundationsApi.scalar(pool, "SELECT version FROM slot WHERE id = $1", Long.valueOf(slot.getIdElement().getIdPart()));

        assertThat(slot.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(SlotSearchApi.SLOT_PROFILE);
        assertThat(slot.getMeta().getVersionId()).isEqualTo(version);
        assertThat(slot.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
        assertThat(slot.getStartElement().getValueAsString()).isEqualTo(ukDateTime(TOMORROW, "09:40"));
        assertThat(slot.getEndElement().getValueAsString()).isEqualTo(ukDateTime(TOMORROW, "09:50"));
        assertThat(slot.getServiceType()).hasSize(1);
        assertThat(slot.getServiceTypeFirstRep().getText()).isEqualTo("General medical practice");
        assertThat(slot.getExtension()).hasSize(1);
        assertThat(slot.getExtension().get(0).getUrl()).isEqualTo(SlotSearchApi.DELIVERY_CHANNEL);
        assertThat(((CodeType) slot.getExtension().get(0).getValue()).getValue()).isEqualTo("In-person");
        assertThat(slot.hasComment()).isFalse();
        assertThat(slot.hasSpecialty()).isFalse();
        assertThat(slot.hasServiceCategory()).isFalse();
        assertThat(slot.hasAppointmentType()).isFalse();
        assertThat(slot.hasIdentifier()).isFalse();
    }

    @Test
    void eachSlotCarriesItsDeliveryChannel() {
        Bundle bundle = searchOk(query(TOMORROW, TOMORROW));
        Map<String, Long> channels = all(bundle, Slot.class).stream()
                .collect(Collectors.groupingBy(s -> s.getSchedule().getReference() + " "
                        + ((CodeType) s.getExtensionByUrl(SlotSearchApi.DELIVERY_CHANNEL).getValue()).getValue(), Collectors.counting()));
        // 09:40-14:30 is 29 slots, 14:30-17:00 is 15
        assertThat(channels).containsOnly(
                Map.entry("Schedule/1 In-person", 29L), Map.entry("Schedule/1 Video", 15L),
                Map.entry("Schedule/2 Telephone", 29L), Map.entry("Schedule/2 Video", 15L),
                Map.entry("Schedule/12 Telephone", 29L), Map.entry("Schedule/12 Video", 15L));
    }

    @Test
    void aScheduleIsAGpConnectSchedule() {
        Bundle bundle = searchOk(query(TOMORROW, TOMORROW));
        Map<String, Schedule> schedules = all(bundle, Schedule.class).stream()
                .collect(Collectors.toMap(s -> s.getIdElement().getIdPart(), s -> s));

        Schedule one = schedules.get("1");
        assertThat(one.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(SlotSearchApi.SCHEDULE_PROFILE);
        assertThat(one.getMeta().getVersionId()).isEqualTo(FoundationsApi.scalar(pool, "SELECT version FROM schedule WHERE id = '1'"));
        assertThat(one.getActor()).extracting(Reference::getReference).containsExactly("Location/16", "Practitioner/1");
        assertThat(one.getServiceCategory().getText()).isEqualTo("General medicine");
        assertThat(one.getPlanningHorizon().getStartElement().getValueAsString()).isEqualTo("2016-03-22T10:00:00+00:00");
        assertThat(one.getPlanningHorizon().getEndElement().getValueAsString()).isEqualTo("2030-12-22T17:59:59+00:00");
        assertThat(one.getIdentifier()).hasSize(1);
        assertThat(one.getIdentifierFirstRep().getValue()).isEqualTo("Schedule001");
        assertThat(one.getExtension()).hasSize(1);
        assertThat(one.getExtension().get(0).getUrl()).isEqualTo(SlotSearchApi.PRACTITIONER_ROLE);
        CodeableConcept role = (CodeableConcept) one.getExtension().get(0).getValue();
        assertThat(role.getCodingFirstRep().getSystem()).isEqualTo(SlotSearchApi.SDS_JOB_ROLE);
        assertThat(role.getCodingFirstRep().getCode()).isEqualTo("R0260");
        assertThat(role.getCodingFirstRep().getDisplay()).isEqualTo("General Medical Practitioner");
        assertThat(one.hasComment()).isFalse();
        assertThat(one.hasActive()).isFalse();
        assertThat(one.hasServiceType()).isFalse();
        assertThat(one.hasSpecialty()).isFalse();

        // a planning horizon that starts in summer is written with the BST offset
        Schedule two = schedules.get("2");
        assertThat(two.getPlanningHorizon().getStartElement().getValueAsString()).isEqualTo("2016-06-24T09:00:00+01:00");
        assertThat(((CodeableConcept) two.getExtension().get(0).getValue()).getCodingFirstRep().getCode()).isEqualTo("R1480");
        assertThat(schedules.get("12").getServiceCategory().getText()).isEqualTo("General practice");
    }

    @Test
    void includedResourcesLookExactlyAsTheirReads() {
        Bundle bundle = searchOk(query(TOMORROW, TOMORROW).include("Schedule:actor:Practitioner").include("Schedule:actor:Location"));
        assertSameAsRead(all(bundle, Practitioner.class).get(0), "Practitioner", Interaction.PRACTITIONER_READ);
        assertSameAsRead(all(bundle, Location.class).get(0), "Location", Interaction.LOCATION_READ);
        assertSameAsRead(all(bundle, Organization.class).get(0), "Organization", Interaction.ORGANIZATION_READ);
    }

    private static void assertSameAsRead(Resource included, String type, Interaction read) {
        String id = included.getIdElement().getIdPart();
        String json = FoundationsApi.as(read).when().get(FoundationsApi.BASE + "/" + type + "/" + id)
                .then().statusCode(200).extract().asString();
        Resource alone = FoundationsApi.resource(included.getClass(), json);
        assertThat(alone.getIdElement().getIdPart()).isEqualTo(id);
        assertThat(encodedWithoutId(included)).as(type + " in the Bundle equals its read").isEqualTo(encodedWithoutId(alone));
    }

    // the parser qualifies ids differently inside a Bundle and alone; everything else must be identical
    private static String encodedWithoutId(Resource resource) {
        Resource copy = resource.copy();
        copy.setIdElement(null);
        return FhirContext.forDstu3Cached().newJsonParser().encodeResourceToString(copy);
    }

    // ---------------------------------------------------------------- formats

    @Test
    void answeredInXmlWhenAskedFor() {
        String start = ukDateTime(TOMORROW, "09:40");
        FoundationsApi.as(Interaction.SLOT_SEARCH).urlEncodingEnabled(false)
                .when().get(query(start, ukDateTime(TOMORROW, "09:50")).add("_format", "application/fhir+xml").url())
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8")
                .header("Cache-Control", "no-store")
                .parser("application/fhir+xml", Parser.XML)
                .body("Bundle.type.@value", equalTo("searchset"))
                .body("Bundle.entry.resource.Slot.start.@value", hasItem(start))
                .body("Bundle.entry.resource.Slot.status.@value", hasItem("free"))
                .body("Bundle.entry.resource.Schedule.id.@value", hasItem("1"));
    }

    @Test
    void answeredInXmlWhenAskedByAcceptAndEmptyInXmlToo() {
        LocalDate farAhead = today().plusDays(60);
        FoundationsApi.as(Interaction.SLOT_SEARCH).urlEncodingEnabled(false).header("Accept", "application/fhir+xml")
                .when().get(query(farAhead, farAhead).url())
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8")
                .body(startsWith("<Bundle xmlns=\"http://hl7.org/fhir\">"))
                .parser("application/fhir+xml", Parser.XML)
                .body("Bundle.total.@value", equalTo("0"));
    }

    @Test
    void gzippedWhenAccepted() {
        // keep rest-assured from decoding (and so removing Content-Encoding) to see what the server sent
        FoundationsApi.as(Interaction.SLOT_SEARCH).urlEncodingEnabled(false)
                .config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip")
                .when().get(query(TOMORROW, TOMORROW).url())
                .then().statusCode(200)
                .header("Content-Encoding", "gzip");
    }

    @Test
    void jsonByDefaultWithNoStore() {
        search(query(TOMORROW, TOMORROW)).statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .header("Cache-Control", "no-store")
                .body("meta.profile[0]", equalTo(FoundationsApi.SEARCHSET_PROFILE))
                .body("entry[0].resource.start", containsString(TOMORROW + "T09:40:00+0"));
    }

    @Test
    void theCapabilityStatementListsSlotSearch() {
        FoundationsApi.as(Interaction.METADATA_READ).when().get(FoundationsApi.BASE + "/metadata")
                .then().statusCode(200)
                .body("rest[0].resource.find { it.type == 'Slot' }.interaction.code", contains("search-type"))
                .body("rest[0].resource.find { it.type == 'Slot' }.searchParam.name",
                        containsInAnyOrder("start", "end", "status", "searchFilter"))
                .body("rest[0].resource.find { it.type == 'Slot' }.searchInclude",
                        containsInAnyOrder("Slot:schedule", "Schedule:actor:Practitioner",
                                "Schedule:actor:Location", "Location:managingOrganization"));
    }
}
