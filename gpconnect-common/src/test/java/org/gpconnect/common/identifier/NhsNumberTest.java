package org.gpconnect.common.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** foundations.md §9.1: an NHS number is ten digits with a modulus-11 check digit. */
class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9690937278", "9690937286", "9690937294", "9476718943", "9690938681", "9999999999"})
    void datasetNumbersAreValid(String nhsNumber) {
        assertThat(NhsNumber.isValid(nhsNumber)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567891", "9690937279", "9690937270"})
    void wrongCheckDigit(String nhsNumber) {
        assertThat(NhsNumber.isValid(nhsNumber)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "969093727", "96909372780", "969093727a", " 969093727", "969 093 7278", "９６９０９３７２７８"})
    void wrongLengthOrCharacters(String nhsNumber) {
        assertThat(NhsNumber.isValid(nhsNumber)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void nullAndCheckDigitTenAreInvalid() {
        assertThat(NhsNumber.isValid(null)).isFalse();
        // 123456789x: weights give remainder 1 -> check digit 10 -> no valid NHS number starts 123456789
        for (char c = '0'; c <= '9'; c++) {
            assertThat(NhsNumber.isValid("123456789" + c)).isFalse();
        }
    }
}
