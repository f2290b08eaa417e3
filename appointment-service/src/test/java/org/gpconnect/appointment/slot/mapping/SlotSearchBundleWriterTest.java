package org.gpconnect.appointment.slot.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.gpconnect.appointment.foundations.OrganizationEntity;
import org.gpconnect.appointment.foundations.mapping.LocationMapper;
import org.gpconnect.appointment.foundations.mapping.OrganizationMapper;
import org.gpconnect.appointment.foundations.mapping.PractitionerMapper;
import org.gpconnect.appointment.foundations.mapping.SearchsetBundles;
import org.gpconnect.appointment.slot.FreeSlot;
import org.gpconnect.appointment.slot.ScheduleEntity;
import org.gpconnect.appointment.slot.SlotSearchResult;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.gpconnect.common.fhir.FhirContexts;
import org.gpconnect.common.fhir.FhirFormat;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The slot-search Bundle writer against HAPI itself: for the same content, its JSON and XML are exactly what
 * HAPI's encoder writes for a Bundle built from HAPI model objects (so HAPI's rules for element order,
 * escaping and formats hold without HAPI doing the work); times are UK local with their offset in winter and
 * summer (appointment-management.md §2); incomplete schedule data is a 500 before anything is written
 * (foundations.md §4).
 */
class SlotSearchBundleWriterTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";

    private final SlotSearchBundleWriter writer = new SlotSearchBundleWriter(new ScheduleMapper(), new PractitionerMapper(),
            new LocationMapper(), new OrganizationMapper());

    @ParameterizedTest
    @EnumSource(FhirFormat.class)
    void writesWhatHapiWritesForTheSameBundle(FhirFormat format) {
        List<FreeSlot> slots = List.of(
                slot(11, "2026-12-01T09:40:00Z", "In-person", "General medical practice"),
                slot(12, "2027-07-01T08:40:00Z", "Video", "Nurse & \"GP\" <clinic> – café, 'quoted'"),
                slot(13, "2027-10-31T01:30:00Z", "Telephone", "back\\slash / solidus, unicode \u00e9\u2603"));
        SlotSearchResult result = new SlotSearchResult(slots, List.of(schedule()), List.of(), List.of(), List.of(organization()));

        String written = new String(writer.write(result, LONDON, format), StandardCharsets.UTF_8);

        List<Resource> expected = new ArrayList<>();
        slots.forEach(s -> expected.add(hapiSlot(s)));
        expected.add(new ScheduleMapper().toFhir(schedule(), TimeZone.getTimeZone(LONDON)));
        expected.add(new OrganizationMapper().toFhir(organization()));
        assertThat(written).isEqualTo(parser(format).encodeResourceToString(SearchsetBundles.of(expected)));
    }

    @ParameterizedTest
    @EnumSource(FhirFormat.class)
    void lineBreaksAndTabsInTextSurviveAParse(FhirFormat format) {
        // HAPI's XML encoder leaves them raw in the attribute, where an XML parser turns them into spaces; they
        // are written as character references instead, so the text a consumer reads is the text stored
        String text = "Line\nbreak\r\ttab";
        SlotSearchResult result = new SlotSearchResult(List.of(slot(1, "2026-12-01T09:40:00Z", "In-person", text)),
                List.of(), List.of(), List.of(), List.of());
        Bundle parsed = parser(format).parseResource(Bundle.class, new String(writer.write(result, LONDON, format), StandardCharsets.UTF_8));
        assertThat(((Slot) parsed.getEntryFirstRep().getResource()).getServiceTypeFirstRep().getText()).isEqualTo(text);
    }

    @ParameterizedTest
    @EnumSource(FhirFormat.class)
    void timesAreUkLocalWithTheirOffsetToTheSecond(FhirFormat format) {
        SlotSearchResult result = new SlotSearchResult(List.of(
                slot(1, "2026-12-01T09:40:00Z", "In-person", "GP"),
                slot(2, "2027-07-01T08:40:00Z", "In-person", "GP")), List.of(), List.of(), List.of(), List.of());
        String written = new String(writer.write(result, LONDON, format), StandardCharsets.UTF_8);
        assertThat(written).contains("2026-12-01T09:40:00+00:00", "2026-12-01T09:50:00+00:00",
                "2027-07-01T09:40:00+01:00", "2027-07-01T09:50:00+01:00");
        Bundle parsed = parser(format).parseResource(Bundle.class, written);
        Slot winter = (Slot) parsed.getEntry().get(0).getResource();
        assertThat(winter.getStart()).isEqualTo(Date.from(Instant.parse("2026-12-01T09:40:00Z")));
        assertThat(winter.getExtensionByUrl(SD + "Extension-GPConnect-DeliveryChannel-2").getValue().primitiveValue()).isEqualTo("In-person");
    }

    @ParameterizedTest
    @EnumSource(FhirFormat.class)
    void nothingFoundIsAnEmptySearchset(FhirFormat format) {
        String written = new String(writer.write(SlotSearchResult.EMPTY, LONDON, format), StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(parser(format).encodeResourceToString(SearchsetBundles.of(List.of())));
        Bundle parsed = parser(format).parseResource(Bundle.class, written);
        assertThat(parsed.getTotal()).isZero();
        assertThat(parsed.getEntry()).isEmpty();
        assertThat(parsed.getMeta().getProfile().get(0).getValue()).isEqualTo(SD + "GPConnect-Searchset-Bundle-1");
    }

    @Test
    void aScheduleWithoutLocationOrPlanningHorizonStartIsIncompleteSourceData() {
        ScheduleEntity noLocation = schedule();
        noLocation.locationId = null;
        ScheduleEntity noHorizon = schedule();
        noHorizon.planningHorizonStart = null;
        for (ScheduleEntity incomplete : new ScheduleEntity[]{noLocation, noHorizon}) {
            SlotSearchResult result = new SlotSearchResult(List.of(slot(1, "2026-12-01T09:40:00Z", "In-person", "GP")),
                    List.of(incomplete), List.of(), List.of(), List.of());
            assertThatThrownBy(() -> writer.write(result, LONDON, FhirFormat.JSON))
                    .isInstanceOfSatisfying(GpConnectException.class,
                            e -> assertThat(e.spineCode()).isEqualTo(SpineCode.INTERNAL_SERVER_ERROR));
        }
    }

    @Test
    void aScheduleWithoutRolePractitionerOrHorizonEndLeavesThemOut() {
        ScheduleEntity minimal = schedule();
        minimal.practitionerId = null;
        minimal.practitionerRoleCode = null;
        minimal.planningHorizonEnd = null;
        minimal.identifier = null;
        minimal.serviceCategoryDisplay = null;
        Schedule schedule = new ScheduleMapper().toFhir(minimal, TimeZone.getTimeZone(LONDON));
        assertThat(schedule.getActor()).extracting(Reference::getReference).containsExactly("Location/16");
        assertThat(schedule.getExtension()).isEmpty();
        assertThat(schedule.hasIdentifier()).isFalse();
        assertThat(schedule.hasServiceCategory()).isFalse();
        assertThat(schedule.getPlanningHorizon().getStartElement().getValueAsString()).isEqualTo("2016-03-22T10:00:00+00:00");
        assertThat(schedule.getPlanningHorizon().hasEnd()).isFalse();
    }

    private static IParser parser(FhirFormat format) {
        return format == FhirFormat.XML ? FhirContexts.stu3().newXmlParser() : FhirContexts.stu3().newJsonParser();
    }

    /** The Slot as HAPI model objects, element by element from the spec (§2, §3.3), for HAPI to encode. */
    private static Slot hapiSlot(FreeSlot source) {
        TimeZone london = TimeZone.getTimeZone(LONDON);
        Slot slot = new Slot();
        slot.setId(Long.toString(source.id()));
        slot.getMeta().setVersionId(Integer.toString(source.version())).addProfile(SD + "GPConnect-Slot-1");
        slot.addExtension(new Extension(SD + "Extension-GPConnect-DeliveryChannel-2", new CodeType(source.deliveryChannel())));
        slot.addServiceType().setText(source.serviceType());
        slot.setSchedule(new Reference("Schedule/" + source.scheduleId()));
        slot.setStatus(Slot.SlotStatus.FREE);
        slot.setStartElement(new InstantType(Date.from(source.start()), TemporalPrecisionEnum.SECOND, london));
        slot.setEndElement(new InstantType(Date.from(source.end()), TemporalPrecisionEnum.SECOND, london));
        return slot;
    }

    private static FreeSlot slot(long id, String start, String channel, String serviceType) {
        Instant at = Instant.parse(start);
        return new FreeSlot(id, "1", at, at.plusSeconds(600), channel, serviceType, 3);
    }

    private static ScheduleEntity schedule() {
        ScheduleEntity entity = new ScheduleEntity();
        entity.id = "1";
        entity.identifier = "Schedule001";
        entity.serviceCategoryDisplay = "General medicine";
        entity.practitionerId = "1";
        entity.practitionerRoleCode = "R0260";
        entity.practitionerRoleDisplay = "General Medical Practitioner";
        entity.locationId = "16";
        entity.planningHorizonStart = Instant.parse("2016-03-22T10:00:00Z");
        entity.planningHorizonEnd = Instant.parse("2030-12-22T17:59:59Z");
        entity.version = 1;
        return entity;
    }

    private static OrganizationEntity organization() {
        OrganizationEntity entity = new OrganizationEntity();
        entity.id = "1";
        entity.odsCode = "B82617";
        entity.name = "COXWOLD SURGERY";
        entity.addressLines = List.of("NHS NPFIT Test Data Manager");
        entity.city = "Princes Exchange";
        entity.postalCode = "LS1 4HY";
        entity.phone = "0300 303 5678";
        entity.version = 1;
        return entity;
    }
}
