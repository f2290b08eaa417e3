package org.gpconnect.common.interaction;

/** The GP Connect capabilities an interaction belongs to; each has its own provider service root. */
public enum Capability {
    /** Foundations and Appointment Management share one service root (foundations.md §1). */
    FOUNDATIONS_AND_APPOINTMENTS(true),
    ACCESS_RECORD_STRUCTURED(true),
    ACCESS_RECORD_HTML(true),
    /** Defined by GP Connect 1.6 but not a capability of this suite: rejected at the gateway. */
    ACCESS_DOCUMENT(false),
    /** GP2GP migration (reason_for_request=migration): not a capability of this suite. */
    MIGRATE_STRUCTURED_RECORD(false);

    private final boolean served;

    Capability(boolean served) {
        this.served = served;
    }

    /** Whether this suite serves the capability at all. */
    public boolean served() {
        return served;
    }
}
