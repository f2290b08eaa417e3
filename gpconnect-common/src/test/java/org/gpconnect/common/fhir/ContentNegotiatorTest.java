package org.gpconnect.common.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** foundations.md §4 "Format selection", "POST/PUT without Content-Type", "Charset". */
class ContentNegotiatorTest {

    @Test
    void defaultsToJsonWhenNothingIsAsked() {
        assertThat(ContentNegotiator.responseFormat(null, null, null)).isEqualTo(FhirFormat.JSON);
        assertThat(ContentNegotiator.responseFormat(List.of(), "", "")).isEqualTo(FhirFormat.JSON);
    }

    @Test
    void formatParameterOverridesAccept() {
        assertThat(ContentNegotiator.responseFormat(List.of("application/fhir+xml"), "application/fhir+json", null))
                .isEqualTo(FhirFormat.XML);
        assertThat(ContentNegotiator.responseFormat(List.of("application/fhir+json"), "application/fhir+xml", null))
                .isEqualTo(FhirFormat.JSON);
    }

    @Test
    void acceptOverridesRequestContentType() {
        assertThat(ContentNegotiator.responseFormat(null, "application/fhir+xml", "application/fhir+json"))
                .isEqualTo(FhirFormat.XML);
    }

    @Test
    void requestContentTypeIsUsedWhenNeitherFormatNorAcceptIsGiven() {
        assertThat(ContentNegotiator.responseFormat(null, null, "application/fhir+xml;charset=utf-8"))
                .isEqualTo(FhirFormat.XML);
    }

    @Test
    void wildcardAcceptLeavesTheChoiceToContentTypeThenJson() {
        assertThat(ContentNegotiator.responseFormat(null, "*/*", "application/fhir+xml")).isEqualTo(FhirFormat.XML);
        assertThat(ContentNegotiator.responseFormat(null, "*/*", null)).isEqualTo(FhirFormat.JSON);
        assertThat(ContentNegotiator.responseFormat(null, "text/html, */*;q=0.1", null)).isEqualTo(FhirFormat.JSON);
    }

    @Test
    void acceptQualityOrdersTheChoice() {
        assertThat(ContentNegotiator.responseFormat(null, "application/fhir+json;q=0.5, application/fhir+xml", null))
                .isEqualTo(FhirFormat.XML);
        assertThat(ContentNegotiator.responseFormat(null, "application/fhir+xml;q=0, application/fhir+json", null))
                .isEqualTo(FhirFormat.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/fhir+json", "application/json+fhir", "application/json", "json",
            "APPLICATION/FHIR+JSON", "application/fhir+json; charset=utf-8"})
    void jsonSpellings(String type) {
        assertThat(ContentNegotiator.responseFormat(List.of(type), null, null)).isEqualTo(FhirFormat.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/fhir+xml", "application/xml+fhir", "application/xml", "text/xml", "xml"})
    void xmlSpellings(String type) {
        assertThat(ContentNegotiator.responseFormat(List.of(type), null, null)).isEqualTo(FhirFormat.XML);
    }

    @Test
    void unsupportedFormatParameterIs415() {
        assertThatThrownBy(() -> ContentNegotiator.responseFormat(List.of("text/html"), null, null))
                .isInstanceOfSatisfying(GpConnectException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(415);
                    assertThat(e.spineCode()).isEqualTo(SpineCode.BAD_REQUEST);
                    assertThat(e.issueType()).isEqualTo("not-supported");
                });
    }

    @Test
    void acceptWithNothingSupportedIs415() {
        assertThatThrownBy(() -> ContentNegotiator.responseFormat(null, "text/html, image/png", null))
                .isInstanceOfSatisfying(GpConnectException.class, e -> assertThat(e.httpStatus()).isEqualTo(415));
    }

    @Test
    void bodyWithoutContentTypeIs415() {
        assertThatThrownBy(() -> ContentNegotiator.requestBodyFormat(null))
                .isInstanceOfSatisfying(GpConnectException.class, e -> assertThat(e.httpStatus()).isEqualTo(415));
    }

    @Test
    void bodyWithUnsupportedContentTypeIs415() {
        assertThatThrownBy(() -> ContentNegotiator.requestBodyFormat("text/plain"))
                .isInstanceOfSatisfying(GpConnectException.class, e -> assertThat(e.httpStatus()).isEqualTo(415));
    }

    @Test
    void bodyInAnotherCharsetIs415() {
        assertThatThrownBy(() -> ContentNegotiator.requestBodyFormat("application/fhir+json;charset=iso-8859-1"))
                .isInstanceOfSatisfying(GpConnectException.class, e -> assertThat(e.httpStatus()).isEqualTo(415));
    }

    @Test
    void bodyFormatFollowsContentType() {
        assertThat(ContentNegotiator.requestBodyFormat("application/fhir+json;charset=utf-8")).isEqualTo(FhirFormat.JSON);
        assertThat(ContentNegotiator.requestBodyFormat("application/fhir+xml")).isEqualTo(FhirFormat.XML);
        assertThat(ContentNegotiator.requestBodyFormat("application/xml+fhir")).isEqualTo(FhirFormat.XML);
    }

    @Test
    void versionIsReadFromTheServiceRootPath() {
        assertThat(FhirVersion.fromPath("/B82617/STU3/1/gpconnect/fhir/metadata")).contains(FhirVersion.STU3);
        assertThat(FhirVersion.fromPath("/B82617/DSTU2/1/gpconnect/fhir/metadata")).contains(FhirVersion.DSTU2);
        assertThat(FhirVersion.fromPath("/B82617/stu3/1/gpconnect/fhir/metadata")).isEmpty();
        assertThat(FhirVersion.fromPath("/q/health")).isEmpty();
        assertThat(FhirVersion.DSTU2.mediaType(FhirFormat.JSON)).isEqualTo("application/json+fhir");
        assertThat(FhirVersion.STU3.mediaType(FhirFormat.XML)).isEqualTo("application/fhir+xml");
    }
}
