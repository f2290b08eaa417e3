package org.gpconnect.bench;

import ca.uhn.fhir.parser.IParser;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.gpconnect.common.fhir.FhirContexts;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.SspHeaders;
import org.hl7.fhir.dstu3.model.Bundle;

/**
 * The floor the structured-record benchmark is compared with: fetch patient2's all-areas Bundle once
 * through the gateway, then measure the CPU one thread spends serialising that same Bundle to JSON with
 * HAPI (what the service must do at the least for each request). Usage: {@code SerialiseFloor <gateway-url>}.
 */
public final class SerialiseFloor {

    private SerialiseFloor() {
    }

    public static void main(String[] args) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(args[0]
                        + "/B82617/STU3/1/gpconnect/structured/fhir/Patient/$gpc.getstructuredrecord"))
                .POST(HttpRequest.BodyPublishers.ofString(StructuredRequests.ALL_AREAS_PATIENT2))
                .header("Content-Type", "application/fhir+json;charset=utf-8");
        SspHeaders.forInteraction(Interaction.STRUCTURED_RECORD).forEach(request::header);
        String json = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        Bundle bundle = FhirContexts.stu3().newJsonParser().parseResource(Bundle.class, json);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 2000; i++) { // warm-up
            encode(bundle);
        }
        int rounds = 5000;
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            encode(bundle);
        }
        double ms = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / rounds;
        ResultRows.row("Serialise-only floor: %.3f ms CPU per Bundle (%d entries, %d bytes of JSON)",
                ms, bundle.getEntry().size(), json.getBytes(StandardCharsets.UTF_8).length);
    }

    private static void encode(Bundle bundle) throws Exception {
        IParser parser = FhirContexts.stu3().newJsonParser();
        Writer writer = new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
        parser.encodeResourceToWriter(bundle, writer);
        writer.flush();
    }
}
