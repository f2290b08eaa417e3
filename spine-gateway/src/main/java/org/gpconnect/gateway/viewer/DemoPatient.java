package org.gpconnect.gateway.viewer;

/** A patient the page suggests (configured for demonstrations; never looked up anywhere). */
public record DemoPatient(String nhsNumber, String label) {

    /** From the configured form {@code NHS number=label}. */
    static DemoPatient parse(String configured) {
        int eq = configured.indexOf('=');
        return new DemoPatient(configured.substring(0, eq), configured.substring(eq + 1).strip());
    }
}
