package org.gpconnect.accessrecord.html.request;

import ca.uhn.fhir.model.dstu2.resource.Parameters;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.fhir.FhirContexts;
import org.gpconnect.common.fhir.FhirFormat;
import org.gpconnect.common.fhir.GpConnectParserErrorHandler;
import org.gpconnect.common.fhir.WellFormedBody;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Reads the {@code $gpc.getcarerecord} body as a DSTU2 {@link Parameters} (access-record-html.md §2):
 * an empty body is 400 {@code BAD_REQUEST}, a body that is not well-formed JSON/XML 400 {@code BAD_REQUEST}
 * (foundations.md §4), a well-formed body that is not a valid Parameters resource 422
 * {@code INVALID_RESOURCE}. Parsing is strict except for the ends of a period: an unparseable
 * {@code timePeriod} date must be 422 {@code INVALID_PARAMETER} (§2), not {@code INVALID_RESOURCE}, so such a
 * value is set aside here and reported by the validator in its turn.
 */
@ApplicationScoped
public class CareRecordParametersReader {

    /** Period ends: the only elements of this operation whose bad values are the validator's to report. */
    private static final Set<String> PERIOD_ENDS = Set.of("start", "end");

    /**
     * The parsed body.
     *
     * @param invalidPeriodEnds the raw text of a period start/end HAPI could not read, by element name
     */
    public record ReadParameters(Parameters parameters, Map<String, String> invalidPeriodEnds) {
    }

    public ReadParameters read(byte[] body, FhirFormat format) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw GpConnectException.badRequest("The request has no body: a Parameters resource is required");
        }
        WellFormedBody.check(format, body);
        SettingAsidePeriodEnds handler = new SettingAsidePeriodEnds();
        IParser parser = (format == FhirFormat.XML ? FhirContexts.dstu2().newXmlParser() : FhirContexts.dstu2().newJsonParser())
                .setParserErrorHandler(handler);
        IBaseResource resource;
        try {
            resource = parser.parseResource(new String(body, StandardCharsets.UTF_8));
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            throw GpConnectException.invalidResource("The request body is not a valid Parameters resource: " + brief(e.getMessage()));
        }
        if (!(resource instanceof Parameters parameters)) {
            throw GpConnectException.invalidResource("The request body must be a Parameters resource, not "
                    + resource.getClass().getSimpleName());
        }
        return new ReadParameters(parameters, Map.copyOf(handler.invalid));
    }

    private static String brief(String message) {
        if (message == null) {
            return "unreadable content";
        }
        String m = message.replaceFirst("^HAPI-\\d+:\\s*", "");
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    /** The suite's strict handler, except that bad period ends are recorded instead of failing the parse. */
    private static final class SettingAsidePeriodEnds extends GpConnectParserErrorHandler {
        private final Map<String, String> invalid = new LinkedHashMap<>();

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            String element = location == null ? null : location.getParentElementName();
            if (element != null && PERIOD_ENDS.contains(element)) {
                invalid.put(element, value);
                return;
            }
            super.invalidValue(location, value, error);
        }
    }
}
