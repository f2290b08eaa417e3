package org.gpconnect.common.fhir;

import ca.uhn.fhir.parser.IParser;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
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
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        parser.encodeResourceToWriter(resource, writer);
        writer.flush();
    }
}
