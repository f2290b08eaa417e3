package org.gpconnect.common.interaction;

import java.util.Optional;

/** The JWT {@code requested_scope} values (foundations.md §3.1), without the optional {@code conf/} part. */
public enum Scope {
    PATIENT_READ("patient/*.read"),
    PATIENT_WRITE("patient/*.write"),
    ORGANIZATION_READ("organization/*.read"),
    ORGANIZATION_WRITE("organization/*.write");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Scope> fromValue(String value) {
        for (Scope s : values()) {
            if (s.value.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
