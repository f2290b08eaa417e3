package org.gpconnect.common.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gpconnect.common.error.GpConnectException;

/**
 * GP Connect content negotiation (foundations.md §4): the response format comes from {@code _format},
 * else from {@code Accept}, else from the request's {@code Content-Type}, else JSON; a type that is not
 * a FHIR JSON or XML type is answered 415. Request bodies must declare a supported {@code Content-Type}
 * in UTF-8. Pure functions, so every rule is unit-tested without a server.
 */
public final class ContentNegotiator {

    private ContentNegotiator() {
    }

    /** Decides the format of the response. */
    public static FhirFormat responseFormat(List<String> formatParams, String accept, String contentType) {
        if (formatParams != null && !formatParams.isEmpty()) {
            String requested = formatParams.get(0);
            return recognise(requested).orElseThrow(() -> GpConnectException.unsupportedMediaType(
                    "Unsupported _format '" + printable(requested) + "': use application/fhir+json or application/fhir+xml"));
        }
        if (accept != null && !accept.isBlank()) {
            Optional<FhirFormat> fromAccept = fromAccept(accept);
            if (fromAccept.isPresent()) {
                return fromAccept.get();
            }
            if (!acceptsAnything(accept)) {
                throw GpConnectException.unsupportedMediaType(
                        "None of the Accept media types is supported: use application/fhir+json or application/fhir+xml");
            }
        }
        if (contentType != null && !contentType.isBlank()) {
            Optional<FhirFormat> fromBody = recognise(contentType);
            if (fromBody.isPresent()) {
                return fromBody.get();
            }
        }
        return FhirFormat.JSON;
    }

    /**
     * Checks the {@code Content-Type} of a request that carries a body (POST, PUT) and returns the format
     * to parse it with. Absent, unknown or non-UTF-8 → 415.
     */
    public static FhirFormat requestBodyFormat(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw GpConnectException.unsupportedMediaType("A request body needs a Content-Type of application/fhir+json or application/fhir+xml");
        }
        Optional<String> charset = parameter(contentType, "charset");
        if (charset.isPresent() && !charset.get().equalsIgnoreCase("utf-8")) {
            throw GpConnectException.unsupportedMediaType("Request bodies must be UTF-8, not " + printable(charset.get()));
        }
        return recognise(contentType).orElseThrow(() -> GpConnectException.unsupportedMediaType(
                "Unsupported Content-Type '" + printable(contentType) + "': use application/fhir+json or application/fhir+xml"));
    }

    /** Maps one media type (parameters ignored) or {@code _format} shorthand to a format. */
    public static Optional<FhirFormat> recognise(String mediaType) {
        String type = baseType(mediaType);
        switch (type) {
            case "application/fhir+json", "application/json+fhir", "application/json", "json":
                return Optional.of(FhirFormat.JSON);
            case "application/fhir+xml", "application/xml+fhir", "application/xml", "text/xml", "xml":
                return Optional.of(FhirFormat.XML);
            default:
                return Optional.empty();
        }
    }

    private static Optional<FhirFormat> fromAccept(String accept) {
        for (MediaRange range : ranges(accept)) {
            Optional<FhirFormat> format = recognise(range.type());
            if (format.isPresent()) {
                return format;
            }
        }
        return Optional.empty();
    }

    private static boolean acceptsAnything(String accept) {
        return ranges(accept).stream().anyMatch(r -> r.type().equals("*/*") || r.type().equals("application/*"));
    }

    /** The acceptable ranges (q &gt; 0) in order of preference; equal weights keep the header's order. */
    private static List<MediaRange> ranges(String accept) {
        List<MediaRange> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            String type = baseType(part);
            if (type.isEmpty()) {
                continue;
            }
            double q = parameter(part, "q").map(ContentNegotiator::quality).orElse(1.0);
            if (q > 0) {
                ranges.add(new MediaRange(type, q));
            }
        }
        ranges.sort(Comparator.comparingDouble(MediaRange::q).reversed());
        return ranges;
    }

    private static double quality(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0; // an unreadable weight makes the range unusable, not the request
        }
    }

    private static String baseType(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        String type = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> parameter(String mediaType, String name) {
        String[] parts = mediaType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase(name)) {
                return Optional.of(kv[1].trim().replace("\"", ""));
            }
        }
        return Optional.empty();
    }

    /** Echoes client input into diagnostics only in a bounded, printable form. */
    private static String printable(String value) {
        String bounded = value.length() > 100 ? value.substring(0, 100) + "..." : value;
        return bounded.replaceAll("[^\\x20-\\x7E]", "?");
    }

    private record MediaRange(String type, double q) {
    }
}
