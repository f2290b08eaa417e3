package org.gpconnect.common.fhir;

/** Trims HAPI parser messages into something fit for an OperationOutcome's diagnostics. */
final class HapiMessages {

    private HapiMessages() {
    }

    /** Drops HAPI's "HAPI-1234: " prefix and bounds the length. */
    static String withoutLocation(String message) {
        if (message == null) {
            return "unreadable content";
        }
        String m = message.replaceFirst("^HAPI-\\d+:\\s*", "");
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }
}
