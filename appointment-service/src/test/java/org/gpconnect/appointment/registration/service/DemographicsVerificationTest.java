package org.gpconnect.appointment.registration.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * foundations.md §9.1's verification rule (applied by §9.2): the date of birth matches exactly, or two of its three
 * parts match and so do the first three characters of the first family name and the given name's first initial.
 * PDS holds SMITH John, 1970-05-20.
 */
class DemographicsVerificationTest {

    private static final LocalDate PDS_BIRTH = LocalDate.of(1970, 5, 20);

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            // the exact date of birth verifies whatever the names
            "SMITH,      John,  1970-05-20, true",
            "JONES,      Peter, 1970-05-20, true",
            // two of three parts, with matching name starts
            "SMITH,      John,  1971-05-20, true",   // year differs
            "SMITH,      John,  1970-06-20, true",   // month differs
            "SMITH,      John,  1970-05-21, true",   // day differs
            "SMYTHE,     J,     1970-05-21, false",  // family starts SMY, not SMI
            "SMITHSON,   Jack,  1970-05-21, true",   // SMI and J
            "smith,      john,  1970-05-21, true",   // case does not matter
            "' SMITH ',  John,  1970-05-21, true",   // nor surrounding spaces
            "SMITH-JONES, John, 1970-05-21, true",   // the first of the family names
            "SMITH,      Peter, 1970-05-21, false",  // initial differs
            "JONES,      John,  1970-05-21, false",  // family differs
            // one part only
            "SMITH,      John,  1971-06-20, false",
            "SMITH,      John,  1970-06-21, false",
            "SMITH,      John,  1971-05-21, false",
            // day and month swapped: one part (the year) matches
            "SMITH,      John,  1970-20-05, false"
    })
    void theRule(String family, String given, String birthDate, boolean verified) {
        LocalDate sent = parse(birthDate);
        assertThat(sent == null ? false : DemographicsVerification.verified(family, List.of(given), sent, "SMITH", List.of("John"), PDS_BIRTH))
                .isEqualTo(verified);
    }

    @Test
    void withoutADateOfBirthOnPdsNothingVerifies() {
        assertThat(DemographicsVerification.verified("SMITH", List.of("John"), PDS_BIRTH, "SMITH", List.of("John"), null)).isFalse();
    }

    @Test
    void shortNamesMustMatchWhole() {
        LocalDate oneDayOff = PDS_BIRTH.plusDays(1);
        assertThat(DemographicsVerification.verified("LI", List.of("Wei"), oneDayOff, "LI", List.of("Wei"), PDS_BIRTH)).isTrue();
        assertThat(DemographicsVerification.verified("LI", List.of("Wei"), oneDayOff, "LIM", List.of("Wei"), PDS_BIRTH)).isFalse();
        assertThat(DemographicsVerification.verified("SMITH", List.of(), oneDayOff, "SMITH", List.of("John"), PDS_BIRTH)).isFalse();
        assertThat(DemographicsVerification.verified(null, List.of("John"), oneDayOff, "SMITH", List.of("John"), PDS_BIRTH)).isFalse();
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
