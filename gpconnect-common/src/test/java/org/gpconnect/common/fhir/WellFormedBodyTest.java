package org.gpconnect.common.fhir;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.gpconnect.common.error.GpConnectException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** foundations.md §4 "Request bodies": strict JSON in UTF-8; malformed bodies are 400 BAD_REQUEST. */
class WellFormedBodyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "{\"resourceType\":\"Patient\"} trailing",
            "{\"resourceType\":\"Patient\"}{}",
            "{'resourceType':'Patient'}",
            "{\"resourceType\":\"Patient\", /* comment */ \"id\":\"1\"}",
            "{\"a\": NaN}",
            "{\"a\":1,\"a\":2}",
            "[1,2]",
            "{\"a\":1",
            "{\"a\":\"\u0000\"}"})
    void malformedJsonIsBadRequest(String body) {
        assertThatThrownBy(() -> WellFormedBody.check(FhirFormat.JSON, body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(GpConnectException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.httpStatus()).isEqualTo(400));
    }

    @org.junit.jupiter.api.Test
    void byteOrderMarkIsRejected() {
        byte[] json = "{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        assertThatThrownBy(() -> WellFormedBody.check(FhirFormat.JSON, withBom)).isInstanceOf(GpConnectException.class);
        assertThatThrownBy(() -> WellFormedBody.check(FhirFormat.JSON,
                "{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_16))).isInstanceOf(GpConnectException.class);
    }

    @org.junit.jupiter.api.Test
    void deepNestingIsRejected() {
        String deep = "{\"a\":".repeat(WellFormedBody.MAX_NESTING_DEPTH + 1) + "1" + "}".repeat(WellFormedBody.MAX_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> WellFormedBody.check(FhirFormat.JSON, deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GpConnectException.class);
    }

    @org.junit.jupiter.api.Test
    void overlongStringIsRejected() {
        String big = "{\"a\":\"" + "x".repeat(WellFormedBody.MAX_STRING_LENGTH + 1) + "\"}";
        assertThatThrownBy(() -> WellFormedBody.check(FhirFormat.JSON, big.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GpConnectException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"1\"/>",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Patient xmlns=\"http://hl7.org/fhir\">&e;</Patient>",
            "not xml"})
    void malformedOrDtdXmlIsBadRequest(String body) {
        assertThatThrownBy(() -> WellFormedBody.check(FhirFormat.XML, body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GpConnectException.class);
    }

    @org.junit.jupiter.api.Test
    void wellFormedBodiesPass() {
        assertThatCode(() -> WellFormedBody.check(FhirFormat.JSON,
                "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Smith\"}]}".getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
        assertThatCode(() -> WellFormedBody.check(FhirFormat.XML,
                "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"1\"/></Patient>".getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
    }
}
