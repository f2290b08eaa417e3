package org.gpconnect.common.fhir;

import ca.uhn.fhir.parser.IParser;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Writes any HAPI resource (STU3 or DSTU2) in the format content negotiation chose, labelled with that
 * release's media type and {@code charset=utf-8}, streaming into the response.
 */
@Provider
@Produces(MediaType.WILDCARD)
public class FhirResourceWriter implements MessageBodyWriter<IBaseResource> {

    private final FhirExchange exchange;

    public FhirResourceWriter(FhirExchange exchange) {
        this.exchange = exchange;
    }

    /** Passes writes through but not flushes: the response is completed, and so flushed, by the framework. */
    private static final class IgnoreFlush extends FilterOutputStream {
        IgnoreFlush(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() {
            // deliberately nothing: see writeTo
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(IBaseResource resource, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws java.io.IOException {
        FhirVersion version = FhirContexts.versionOf(resource);
        FhirFormat format = exchange.responseFormat();
        // FhirResponseFilter has labelled the response already; this covers entities written without it
        headers.putIfAbsent(HttpHeaders.CONTENT_TYPE, java.util.List.of(version.mediaType(format) + ";charset=utf-8"));
        IParser parser = format == FhirFormat.XML
                ? FhirContexts.of(version).newXmlParser()
                : FhirContexts.of(version).newJsonParser();
        // HAPI flushes after every element; passed straight through, a large Bundle would leave as thousands of
        // tiny HTTP chunks. Buffer, ignore HAPI's flushes, and hand over in 16 kB pieces.
        Writer writer = new BufferedWriter(new OutputStreamWriter(new IgnoreFlush(out), StandardCharsets.UTF_8), 16 * 1024);
        parser.encodeResourceToWriter(resource, writer);
        writer.flush(); // the last piece; the framework completes the response
    }
}
