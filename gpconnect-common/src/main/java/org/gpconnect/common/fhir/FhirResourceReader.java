package org.gpconnect.common.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gpconnect.common.error.GpConnectException;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Reads a request body into the HAPI resource type a resource method declares. The body is bounded,
 * checked for well-formedness ({@link WellFormedBody}, 400) and then parsed strictly: an unknown element,
 * a bad value or the wrong {@code resourceType} is 422 {@code INVALID_RESOURCE}, because GP Connect
 * providers reject what they do not understand in write payloads (foundations.md §4).
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class FhirResourceReader implements MessageBodyReader<IBaseResource> {

    private final FhirExchange exchange;
    private final int maxBodyBytes;

    public FhirResourceReader(FhirExchange exchange,
                              @ConfigProperty(name = "gpconnect.fhir.max-request-body-bytes", defaultValue = "5242880")
                              int maxBodyBytes) {
        this.exchange = exchange;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    public IBaseResource readFrom(Class<IBaseResource> type, Type genericType, Annotation[] annotations,
                                  MediaType mediaType, MultivaluedMap<String, String> headers, InputStream in)
            throws IOException {
        FhirFormat format = mediaType == null ? FhirFormat.JSON
                : ContentNegotiator.recognise(mediaType.toString()).orElse(FhirFormat.JSON);
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw GpConnectException.badRequest("The request body is larger than " + maxBodyBytes + " bytes");
        }
        WellFormedBody.check(format, body);
        FhirContext context = type.isInterface() ? FhirContexts.of(exchange.version()) : FhirContexts.forModel(type);
        IParser parser = (format == FhirFormat.XML ? context.newXmlParser() : context.newJsonParser())
                .setParserErrorHandler(new GpConnectParserErrorHandler());
        try {
            String text = new String(body, StandardCharsets.UTF_8);
            return type.isInterface() ? parser.parseResource(text) : parser.parseResource(type, text);
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            throw GpConnectException.invalidResource("The request body is not a valid " + expected(type) + ": "
                    + HapiMessages.withoutLocation(e.getMessage()));
        }
    }

    private static String expected(Class<?> type) {
        return type.isInterface() ? "FHIR resource" : type.getSimpleName() + " resource";
    }
}
