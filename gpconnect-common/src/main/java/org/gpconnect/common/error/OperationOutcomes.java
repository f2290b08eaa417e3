package org.gpconnect.common.error;

import ca.uhn.fhir.model.dstu2.composite.CodeableConceptDt;
import ca.uhn.fhir.model.dstu2.valueset.IssueSeverityEnum;
import org.gpconnect.common.fhir.FhirVersion;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueType;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Builds the GP Connect OperationOutcome of an error (foundations.md §5): the GPConnect-OperationOutcome
 * profile, one issue of severity {@code error} whose {@code details.coding} carries the Spine code from
 * the Spine-ErrorOrWarningCode code system, and the diagnostics. DSTU2 (Access Record HTML 0.7.4) has its
 * own profile and code system URLs (access-record-html.md §2).
 */
public final class OperationOutcomes {

    public static final String STU3_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1";
    public static final String STU3_CODE_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1";
    public static final String DSTU2_PROFILE = "http://fhir.nhs.net/StructureDefinition/gpconnect-operationoutcome-1";
    public static final String DSTU2_CODE_SYSTEM = "http://fhir.nhs.net/ValueSet/gpconnect-error-or-warning-code-1";

    private OperationOutcomes() {
    }

    public static IBaseResource of(FhirVersion version, GpConnectException error) {
        return version == FhirVersion.DSTU2 ? dstu2(error) : stu3(error);
    }

    public static OperationOutcome stu3(GpConnectException error) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.getMeta().addProfile(STU3_PROFILE);
        outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(IssueType.fromCode(error.issueType()))
                .setDetails(new CodeableConcept().addCoding(new org.hl7.fhir.dstu3.model.Coding(
                        STU3_CODE_SYSTEM, error.spineCode().code(), error.spineCode().display())))
                .setDiagnostics(error.diagnostics());
        return outcome;
    }

    public static ca.uhn.fhir.model.dstu2.resource.OperationOutcome dstu2(GpConnectException error) {
        var outcome = new ca.uhn.fhir.model.dstu2.resource.OperationOutcome();
        outcome.getMeta().addProfile(DSTU2_PROFILE);
        var issue = outcome.addIssue();
        issue.setSeverity(IssueSeverityEnum.ERROR);
        issue.getCodeElement().setValueAsString(error.issueType());
        issue.setDetails(new CodeableConceptDt(DSTU2_CODE_SYSTEM, error.spineCode().code())
                .setText(error.spineCode().display()));
        issue.getDetails().getCodingFirstRep().setDisplay(error.spineCode().display());
        issue.setDiagnostics(error.diagnostics());
        return outcome;
    }
}
