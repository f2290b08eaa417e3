package org.gpconnect.gateway.check;

import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.fhir.ContentNegotiator;
import org.gpconnect.gateway.error.GatewayRejection;

/**
 * foundations.md §4: the response format must be one the service can produce, and a request body must
 * declare a FHIR JSON or XML Content-Type in UTF-8; otherwise 415.
 */
public final class ContentTypeCheck {

    private ContentTypeCheck() {
    }

    public static void check(ConsumerRequest request) {
        try {
            ContentNegotiator.responseFormat(formatParams(request),
                    request.header("Accept"), request.header("Content-Type"));
            if (request.method().equals("POST") || request.method().equals("PUT")) {
                ContentNegotiator.requestBodyFormat(request.header("Content-Type"));
            }
        } catch (GpConnectException e) {
            throw GatewayRejection.gpConnect(e);
        }
    }

    /** The raw {@code _format} query values (percent-decoded, since media types contain '+' and '/'). */
    private static java.util.List<String> formatParams(ConsumerRequest request) {
        String query = request.route().query();
        if (query == null) {
            return null;
        }
        java.util.List<String> values = new java.util.ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.startsWith("_format=")) {
                values.add(java.net.URLDecoder.decode(pair.substring("_format=".length()), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return values.isEmpty() ? null : values;
    }
}
