package org.gpconnect.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gpconnect.common.fhir.FhirContexts;
import org.gpconnect.common.fhir.FhirVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** foundations.md §5 (STU3) and access-record-html.md §2 (DSTU2): the shape of every error outcome. */
class OperationOutcomesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(SpineCode.class)
    void stu3OutcomeForEveryCode(SpineCode code) throws Exception {
        JsonNode oo = JSON.readTree(FhirContexts.stu3().newJsonParser().encodeResourceToString(
                OperationOutcomes.stu3(new GpConnectException(code, "diagnostic text"))));

        assertThat(oo.path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(oo.path("meta").path("profile").get(0).asText())
                .isEqualTo("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1");
        assertThat(oo.path("issue")).hasSize(1);
        JsonNode issue = oo.path("issue").get(0);
        assertThat(issue.path("severity").asText()).isEqualTo("error");
        assertThat(issue.path("code").asText()).isEqualTo(code.issueType());
        assertThat(issue.path("details").path("coding")).hasSize(1);
        JsonNode coding = issue.path("details").path("coding").get(0);
        assertThat(coding.path("system").asText()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1");
        assertThat(coding.path("code").asText()).isEqualTo(code.code());
        assertThat(coding.path("display").asText()).isEqualTo(code.display());
        assertThat(issue.path("diagnostics").asText()).isEqualTo("diagnostic text");
    }

    @ParameterizedTest
    @EnumSource(SpineCode.class)
    void dstu2OutcomeForEveryCode(SpineCode code) throws Exception {
        JsonNode oo = JSON.readTree(FhirContexts.dstu2().newJsonParser().encodeResourceToString(
                OperationOutcomes.of(FhirVersion.DSTU2, new GpConnectException(code, "why"))));

        assertThat(oo.path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(oo.path("meta").path("profile").get(0).asText())
                .isEqualTo("http://fhir.nhs.net/StructureDefinition/gpconnect-operationoutcome-1");
        JsonNode issue = oo.path("issue").get(0);
        assertThat(issue.path("severity").asText()).isEqualTo("error");
        assertThat(issue.path("code").asText()).isEqualTo(code.issueType());
        JsonNode coding = issue.path("details").path("coding").get(0);
        assertThat(coding.path("system").asText()).isEqualTo("http://fhir.nhs.net/ValueSet/gpconnect-error-or-warning-code-1");
        assertThat(coding.path("code").asText()).isEqualTo(code.code());
        assertThat(coding.path("display").asText()).isEqualTo(code.display());
        assertThat(issue.path("diagnostics").asText()).isEqualTo("why");
    }

    @Test
    void specCodesAndStatuses() {
        // the rows of foundations.md §5.1 that are easy to get wrong
        assertThat(SpineCode.ACCESS_DENIED.code()).isEqualTo("ACCESS DENIED");
        assertThat(SpineCode.ACCESS_DENIED.httpStatus()).isEqualTo(403);
        assertThat(SpineCode.FHIR_CONSTRAINT_VIOLATION.httpStatus()).isEqualTo(409);
        assertThat(SpineCode.FHIR_CONSTRAINT_VIOLATION.issueType()).isEqualTo("conflict");
        assertThat(SpineCode.DUPLICATE_REJECTED.issueType()).isEqualTo("duplicate");
        assertThat(SpineCode.INVALID_PATIENT_DEMOGRAPHICS.issueType()).isEqualTo("business-rule");
        assertThat(SpineCode.INVALID_RESOURCE.httpStatus()).isEqualTo(422);
        assertThat(SpineCode.INVALID_NHS_NUMBER.httpStatus()).isEqualTo(400);
        assertThat(SpineCode.INVALID_NHS_NUMBER.issueType()).isEqualTo("value");
        assertThat(SpineCode.NO_RECORD_FOUND.httpStatus()).isEqualTo(404);
        assertThat(SpineCode.INTERNAL_SERVER_ERROR.httpStatus()).isEqualTo(500);
    }

    @Test
    void unsupportedMediaTypeOutcome() throws Exception {
        GpConnectException e = GpConnectException.unsupportedMediaType("no");
        JsonNode issue = JSON.readTree(FhirContexts.stu3().newJsonParser().encodeResourceToString(OperationOutcomes.stu3(e)))
                .path("issue").get(0);
        assertThat(e.httpStatus()).isEqualTo(415);
        assertThat(issue.path("code").asText()).isEqualTo("not-supported");
        assertThat(issue.path("details").path("coding").get(0).path("code").asText()).isEqualTo("BAD_REQUEST");
    }
}
