package org.gpconnect.common.fhir;

import ca.uhn.fhir.parser.StrictErrorHandler;

/**
 * HAPI's strict error handling, except that an empty primitive value ({@code "valueString": ""}) is
 * treated as absent instead of failing the whole body: GP Connect gives such values a meaning of their own
 * (an empty cancellation reason is 422 INVALID_PARAMETER, appointment-management.md §7), which only the
 * business rules can apply. Everything else unknown or invalid still fails.
 */
public class GpConnectParserErrorHandler extends StrictErrorHandler {

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
        if (value == null || value.isEmpty()) {
            return;
        }
        super.invalidValue(location, value, error);
    }
}
