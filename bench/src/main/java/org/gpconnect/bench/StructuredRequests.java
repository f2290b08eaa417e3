package org.gpconnect.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The structured-record request the benchmark sends: patient2, every clinical area, no filters. Kept as a
 * file ({@value #RESOURCE}) so that wrk (bench/post.lua) sends exactly the same body.
 */
final class StructuredRequests {

    static final String RESOURCE = "structured-all-patient2.json";
    static final String ALL_AREAS_PATIENT2 = read(RESOURCE);

    private StructuredRequests() {
    }

    private static String read(String name) {
        try (InputStream in = StructuredRequests.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
