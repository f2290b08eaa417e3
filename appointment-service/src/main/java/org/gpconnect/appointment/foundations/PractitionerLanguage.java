package org.gpconnect.appointment.foundations;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A language a practitioner speaks (table {@code practitioner_language}), coded in CareConnect-HumanLanguage-1. */
@Embeddable
public class PractitionerLanguage {

    @Column(name = "language_code", nullable = false)
    public String code;

    @Column(name = "language_display", nullable = false)
    public String display;

    // held in a Set, so equality is by value
    @Override
    public boolean equals(Object other) {
        return other instanceof PractitionerLanguage that && Objects.equals(code, that.code) && Objects.equals(display, that.display);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, display);
    }
}
