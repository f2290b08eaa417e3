package org.gpconnect.appointment.slot.mapping;

import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.gpconnect.appointment.foundations.mapping.FhirProfiles;
import org.gpconnect.appointment.slot.FreeSlot;
import org.gpconnect.common.fhir.FhirContexts;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * The slot-search Bundle in FHIR XML, as HAPI writes it (same elements, same order, no XML declaration):
 * Slots element by element, linked resources encoded by HAPI and inserted whole. In FHIR XML every value is
 * an attribute, so attribute escaping is the only escaping needed. One deliberate difference: line breaks and
 * tabs in a value are written as character references, where HAPI leaves them raw and a parser then reads
 * them as spaces.
 */
final class SearchsetXmlWriter {

    private static final String NS = " xmlns=\"http://hl7.org/fhir\"";

    private SearchsetXmlWriter() {
    }

    static void write(OutputStream out, List<FreeSlot> slots, List<Resource> linked, ZoneId zone) throws IOException {
        Writer xml = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        xml.write("<Bundle" + NS + "><meta>");
        value(xml, "profile", FhirProfiles.SEARCHSET_BUNDLE);
        xml.write("</meta>");
        value(xml, "type", "searchset");
        value(xml, "total", Integer.toString(slots.size() + linked.size()));
        for (FreeSlot slot : slots) {
            xml.write("<entry><resource>");
            slot(xml, slot, zone);
            xml.write("</resource></entry>");
        }
        IParser hapi = FhirContexts.stu3().newXmlParser();
        for (Resource resource : linked) {
            xml.write("<entry><resource>");
            xml.write(hapi.encodeResourceToString(resource));
            xml.write("</resource></entry>");
        }
        xml.write("</Bundle>");
        xml.flush();
    }

    /** A GPConnect-Slot-1, in the element order of the STU3 Slot (see {@link SlotSearchBundleWriter}). */
    private static void slot(Writer xml, FreeSlot slot, ZoneId zone) throws IOException {
        xml.write("<Slot" + NS + ">");
        value(xml, "id", Long.toString(slot.id()));
        xml.write("<meta>");
        value(xml, "versionId", Integer.toString(slot.version()));
        value(xml, "profile", FhirProfiles.SLOT);
        xml.write("</meta><extension url=\"");
        escaped(xml, FhirProfiles.EXT_DELIVERY_CHANNEL);
        xml.write("\">");
        value(xml, "valueCode", slot.deliveryChannel());
        xml.write("</extension><serviceType>");
        value(xml, "text", slot.serviceType());
        xml.write("</serviceType><schedule>");
        value(xml, "reference", "Schedule/" + slot.scheduleId());
        xml.write("</schedule>");
        value(xml, "status", "free");
        value(xml, "start", UkLocalTimes.format(slot.start(), zone));
        value(xml, "end", UkLocalTimes.format(slot.end(), zone));
        xml.write("</Slot>");
    }

    /** {@code <name value="..."></name>}, the form HAPI's XML encoder writes */
    private static void value(Writer xml, String element, String value) throws IOException {
        xml.write('<');
        xml.write(element);
        xml.write(" value=\"");
        escaped(xml, value);
        xml.write("\"></");
        xml.write(element);
        xml.write('>');
    }

    // what must be escaped in a double-quoted attribute, and the whitespace a parser would otherwise normalise
    // to spaces (XML 1.0 §3.3.3)
    private static void escaped(Writer xml, String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.write("&amp;");
                case '<' -> xml.write("&lt;");
                case '>' -> xml.write("&gt;");
                case '"' -> xml.write("&quot;");
                case '\n' -> xml.write("&#10;");
                case '\r' -> xml.write("&#13;");
                case '\t' -> xml.write("&#9;");
                default -> xml.write(c);
            }
        }
    }
}
