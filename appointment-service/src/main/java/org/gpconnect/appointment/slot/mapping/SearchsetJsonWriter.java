package org.gpconnect.appointment.slot.mapping;

import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import org.gpconnect.appointment.foundations.mapping.FhirProfiles;
import org.gpconnect.appointment.slot.FreeSlot;
import org.gpconnect.common.fhir.FhirContexts;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * The slot-search Bundle in FHIR JSON, as HAPI writes it (same elements, same order, no {@code fullUrl}):
 * Slots element by element, linked resources encoded by HAPI and inserted whole.
 */
final class SearchsetJsonWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private SearchsetJsonWriter() {
    }

    static void write(OutputStream out, List<FreeSlot> slots, List<Resource> linked, ZoneId zone) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("resourceType", "Bundle");
            json.writeObjectFieldStart("meta");
            json.writeArrayFieldStart("profile");
            json.writeString(FhirProfiles.SEARCHSET_BUNDLE);
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField("type", "searchset");
            json.writeNumberField("total", slots.size() + linked.size());
            if (!slots.isEmpty() || !linked.isEmpty()) {
                json.writeArrayFieldStart("entry");
                for (FreeSlot slot : slots) {
                    json.writeStartObject();
                    json.writeFieldName("resource");
                    slot(json, slot, zone);
                    json.writeEndObject();
                }
                IParser hapi = FhirContexts.stu3().newJsonParser();
                for (Resource resource : linked) {
                    json.writeStartObject();
                    json.writeFieldName("resource");
                    json.writeRawValue(hapi.encodeResourceToString(resource));
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
    }

    /** A GPConnect-Slot-1, in the element order of the STU3 Slot (see {@link SlotSearchBundleWriter}). */
    private static void slot(JsonGenerator json, FreeSlot slot, ZoneId zone) throws IOException {
        json.writeStartObject();
        json.writeStringField("resourceType", "Slot");
        json.writeStringField("id", Long.toString(slot.id()));
        json.writeObjectFieldStart("meta");
        json.writeStringField("versionId", Integer.toString(slot.version()));
        json.writeArrayFieldStart("profile");
        json.writeString(FhirProfiles.SLOT);
        json.writeEndArray();
        json.writeEndObject();
        json.writeArrayFieldStart("extension");
        json.writeStartObject();
        json.writeStringField("url", FhirProfiles.EXT_DELIVERY_CHANNEL);
        json.writeStringField("valueCode", slot.deliveryChannel());
        json.writeEndObject();
        json.writeEndArray();
        json.writeArrayFieldStart("serviceType");
        json.writeStartObject();
        json.writeStringField("text", slot.serviceType());
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("schedule");
        json.writeStringField("reference", "Schedule/" + slot.scheduleId());
        json.writeEndObject();
        json.writeStringField("status", "free");
        json.writeStringField("start", UkLocalTimes.format(slot.start(), zone));
        json.writeStringField("end", UkLocalTimes.format(slot.end(), zone));
        json.writeEndObject();
    }
}
