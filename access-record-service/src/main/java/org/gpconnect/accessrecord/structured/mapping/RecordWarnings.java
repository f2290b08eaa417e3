package org.gpconnect.accessrecord.structured.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueType;

/**
 * The in-bundle warnings of a 200 response (access-record-structured.md §5): at most one OperationOutcome
 * (GPConnect-OperationOutcome-1), one {@code warning}/{@code not-supported} issue per unrecognised
 * parameter or part and per disabled area, coded {@code NOT_IMPLEMENTED}.
 */
public final class RecordWarnings {

    private final List<String[]> issues = new ArrayList<>();

    /** {@code name} is {@code parameter} or {@code parameter.part}. */
    public RecordWarnings unrecognised(String name) {
        issues.add(new String[] {name + " is an unrecognised parameter", name});
        return this;
    }

    /** A requested (or linked) clinical area that is switched off, named by its parameter. */
    public RecordWarnings disabled(String parameter) {
        String text = parameter + " has been disabled";
        if (issues.stream().noneMatch(i -> i[0].equals(text))) {
            issues.add(new String[] {text, parameter});
        }
        return this;
    }

    public Optional<OperationOutcome> toOperationOutcome() {
        if (issues.isEmpty()) {
            return Optional.empty();
        }
        OperationOutcome outcome = new OperationOutcome();
        outcome.getMeta().addProfile(CareConnectProfiles.OPERATION_OUTCOME);
        for (String[] issue : issues) {
            outcome.addIssue()
                    .setSeverity(IssueSeverity.WARNING)
                    .setCode(IssueType.NOTSUPPORTED)
                    .setDetails(new CodeableConcept()
                            .addCoding(new Coding(CareConnectProfiles.CS_SPINE_ERROR_OR_WARNING_CODE, "NOT_IMPLEMENTED", "Not implemented"))
                            .setText(issue[0]))
                    .setDiagnostics(issue[1]);
        }
        return Optional.of(outcome);
    }
}
