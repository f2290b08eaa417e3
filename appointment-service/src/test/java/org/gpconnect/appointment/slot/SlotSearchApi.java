package org.gpconnect.appointment.slot;

import io.restassured.response.ValidatableResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gpconnect.appointment.foundations.FoundationsApi;
import org.gpconnect.common.interaction.Interaction;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Slot;

/**
 * What the slot search tests share: the standard query (appointment-management.md §3), dates relative to
 * "today in Europe/London" (slots roll: testdata/schedules_and_slots.yaml) and typed access to the Bundle.
 */
final class SlotSearchApi {

    static final String SLOTS = FoundationsApi.BASE + "/Slot";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String ORG_TYPE_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1";
    static final String SLOT_PROFILE = FoundationsApi.SD + "GPConnect-Slot-1";
    static final String SCHEDULE_PROFILE = FoundationsApi.SD + "GPConnect-Schedule-1";
    static final String DELIVERY_CHANNEL = FoundationsApi.SD + "Extension-GPConnect-DeliveryChannel-2";
    static final String PRACTITIONER_ROLE = FoundationsApi.SD + "Extension-GPConnect-PractitionerRole-1";
    static final String SDS_JOB_ROLE = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1";

    /** Bookable ten-minute slots per schedule-day, 09:40 to 17:00 (testdata rolling_slots). */
    static final int BOOKABLE_PER_DAY = 44;

    private static final DateTimeFormatter UK_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private SlotSearchApi() {
    }

    static LocalDate today() {
        return LocalDate.now(LONDON);
    }

    /** {@code yyyy-mm-ddThh:mm:ss+hh:mm} in UK local time, with the offset the UK has then. */
    static String ukDateTime(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(LONDON).format(UK_DATE_TIME);
    }

    /** start=ge{start}&end=le{end}&status=free&_include=Slot:schedule */
    static Query query(Object start, Object end) {
        return new Query().add("start", "ge" + start).add("end", "le" + end).add("status", "free").add("_include", "Slot:schedule");
    }

    static ValidatableResponse search(Query query) {
        return FoundationsApi.as(Interaction.SLOT_SEARCH).urlEncodingEnabled(false).when().get(query.url()).then();
    }

    /** A successful search's Bundle, parsed by HAPI. */
    static Bundle searchOk(Query query) {
        return FoundationsApi.bundle(search(query).statusCode(200).extract().asString());
    }

    static <R extends Resource> List<R> all(Bundle bundle, Class<R> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance).map(type::cast).toList();
    }

    static List<String> ids(List<? extends Resource> resources) {
        return resources.stream().map(r -> r.getIdElement().getIdPart()).toList();
    }

    /** The slots' start times as UK local "HH:mm". */
    static List<String> startTimes(Bundle bundle) {
        return all(bundle, Slot.class).stream()
                .map(s -> s.getStart().toInstant().atZone(LONDON).toLocalTime().toString()).toList();
    }

    /** A query string built by hand, percent-encoded, so repeats, empty values and order are exactly as written. */
    static final class Query {
        private final List<String[]> parameters = new ArrayList<>();

        Query add(String name, String value) {
            parameters.add(new String[]{name, value});
            return this;
        }

        Query without(String name) {
            parameters.removeIf(p -> p[0].equals(name));
            return this;
        }

        Query replace(String name, String value) {
            return without(name).add(name, value);
        }

        Query filter(String system, String code) {
            return add("searchFilter", system + "|" + code);
        }

        Query include(String target) {
            return add("_include:recurse", target);
        }

        String url() {
            return SLOTS + "?" + parameters.stream()
                    .map(p -> encode(p[0]) + "=" + encode(p[1]))
                    .collect(Collectors.joining("&"));
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
