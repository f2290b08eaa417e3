package org.gpconnect.accessrecord.structured.request;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.fhir.FhirContexts;
import org.gpconnect.common.fhir.FhirFormat;
import org.gpconnect.common.fhir.GpConnectParserErrorHandler;
import org.gpconnect.common.fhir.WellFormedBody;
import org.hl7.fhir.dstu3.model.Parameters;

/**
 * Reads the operation's body into a {@link Parameters}. Strict like the suite's shared reader (unknown
 * elements, repeated single elements, the wrong resource type: 422 {@code INVALID_RESOURCE}) with one
 * difference, which is why the operation does not use the shared reader: a primitive parameter value
 * that does not parse ({@code "valueBoolean": "yes"}, {@code "valueDate": "X2014"}, a period's
 * {@code "start": "2016-13-01"}) is kept as its raw text instead of failing the parse, because
 * access-record-structured.md §3 makes such a value 422 {@code INVALID_PARAMETER} naming the parameter,
 * not {@code INVALID_RESOURCE}. {@link RequestValidator} then rejects it with the parameter's name.
 * Parameters with neither value nor part ({@code {"name":"includeProblems"}}) are allowed by the spec
 * and parse as such.
 */
@ApplicationScoped
public class ParametersBodyReader {

    /** The elements whose unparseable values are left for the validator: parameter values and period ends. */
    private static final Set<String> TOLERATED = Set.of(
            "valueBoolean", "valueDate", "valueDateTime", "valuePositiveInt", "valueCode", "start", "end");

    public Parameters read(byte[] body, FhirFormat format) {
        try {
            WellFormedBody.check(format, body);
        } catch (GpConnectException malformed) {
            // §3: a body that is not a parseable Parameters is 422 INVALID_RESOURCE for this operation
            throw GpConnectException.invalidResource(malformed.diagnostics());
        }
        ToleratingInvalidValues handler = new ToleratingInvalidValues();
        IParser parser = (format == FhirFormat.XML ? FhirContexts.stu3().newXmlParser() : FhirContexts.stu3().newJsonParser())
                .setParserErrorHandler(handler);
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            return parser.parseResource(Parameters.class, text);
        } catch (DataFormatException | ClassCastException e) {
            throw GpConnectException.invalidResource("The request body is not a valid Parameters resource: " + brief(e.getMessage()));
        } catch (RuntimeException e) {
            // HAPI cannot hold some unparseable numbers even as text (positiveInt "abc" fails inside it)
            if (handler.lastInvalid != null) {
                throw GpConnectException.invalidParameter("Invalid value '" + handler.lastInvalid + "' for " + handler.lastElement);
            }
            throw GpConnectException.invalidResource("The request body is not a valid Parameters resource");
        }
    }

    private static String brief(String message) {
        if (message == null) {
            return "unreadable content";
        }
        String m = message.replaceFirst("^HAPI-\\d+:\\s*", "");
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    /**
     * The suite's handler (strict; an empty value is absent) except that invalid values of
     * {@link #TOLERATED} elements are kept for the validator.
     */
    private static final class ToleratingInvalidValues extends GpConnectParserErrorHandler {
        private String lastElement;
        private String lastInvalid;

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            String element = location == null ? null : location.getParentElementName();
            if (element == null || !TOLERATED.contains(element)) {
                super.invalidValue(location, value, error);
                return;
            }
            lastElement = element;
            lastInvalid = value;
        }
    }
}
