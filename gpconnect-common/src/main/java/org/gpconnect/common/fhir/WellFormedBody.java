package org.gpconnect.common.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.gpconnect.common.error.GpConnectException;

/**
 * Syntax checks a request body must pass before it is read as a FHIR resource (foundations.md §4,
 * "Request bodies"): strict RFC 8259 JSON in UTF-8 (no BOM, no NUL, no comments or trailing data, no
 * duplicate keys, bounded nesting and string length) or well-formed XML without a DTD. A body that fails
 * here is malformed (400 {@code BAD_REQUEST}); one that passes but is not the expected resource is
 * invalid (422 {@code INVALID_RESOURCE}) further on.
 */
public final class WellFormedBody {

    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_STRING_LENGTH = 1_000_000;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .build())
            .build();

    private static final XMLInputFactory XML = secureXmlFactory();

    private WellFormedBody() {
    }

    public static void check(FhirFormat format, byte[] body) {
        if (body.length == 0) {
            throw GpConnectException.badRequest("The request body is empty");
        }
        if (hasByteOrderMark(body)) {
            throw GpConnectException.badRequest("The request body must be UTF-8 without a byte order mark");
        }
        for (byte b : body) {
            if (b == 0) {
                throw GpConnectException.badRequest("The request body contains a NUL byte");
            }
        }
        if (format == FhirFormat.XML) {
            checkXml(body);
        } else {
            checkJson(body);
        }
    }

    private static void checkJson(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw GpConnectException.badRequest("The request body is not a JSON object");
            }
            int depth = 1;
            while (depth > 0) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw GpConnectException.badRequest("The request body ends inside the JSON object");
                }
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    // reading the length makes the parser take the whole string, so its limit applies
                    case VALUE_STRING, FIELD_NAME -> {
                        if (parser.getTextLength() > MAX_STRING_LENGTH) {
                            throw GpConnectException.badRequest("The request body has a string over " + MAX_STRING_LENGTH + " characters");
                        }
                    }
                    default -> { }
                }
            }
            if (parser.nextToken() != null) {
                throw GpConnectException.badRequest("The request body has data after the JSON object");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof GpConnectException g) {
                throw g;
            }
            throw GpConnectException.badRequest("The request body is not well-formed JSON: " + firstLine(e.getMessage()));
        }
    }

    private static void checkXml(byte[] body) {
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(body), "UTF-8");
            try {
                int depth = 0;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamReader.START_ELEMENT && ++depth > MAX_NESTING_DEPTH * 4) {
                        throw GpConnectException.badRequest("The request body is nested too deeply");
                    } else if (event == XMLStreamReader.END_ELEMENT) {
                        depth--;
                    } else if (event == XMLStreamReader.DTD) {
                        throw GpConnectException.badRequest("A DTD is not allowed in a request body");
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw GpConnectException.badRequest("The request body is not well-formed XML: " + firstLine(e.getMessage()));
        }
    }

    private static boolean hasByteOrderMark(byte[] b) {
        return (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF)
                || (b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)));
    }

    private static XMLInputFactory secureXmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
