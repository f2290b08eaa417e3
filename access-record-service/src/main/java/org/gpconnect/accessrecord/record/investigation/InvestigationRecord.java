package org.gpconnect.accessrecord.record.investigation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.gpconnect.accessrecord.record.SharingControls;

/**
 * A test report with everything under it (tables {@code diagnostic_report}, {@code test_request},
 * {@code specimen}, {@code investigation_observation}).
 *
 * @param request     the test request, or null when none is recorded
 * @param observations test group headers, results and filing comments in report order
 */
public record InvestigationRecord(
        UUID id,
        String code,
        String display,
        String status,
        OffsetDateTime issued,
        String performerOrganizationId,
        String conclusion,
        TestRequest request,
        List<SpecimenRecord> specimens,
        List<ResultRecord> observations,
        SharingControls sharing) {

    /** The ProcedureRequest the report answers. */
    public record TestRequest(UUID id, String code, String display, String text, LocalDate authoredOn, String requesterId) {
    }

    public record SpecimenRecord(UUID id, String typeCode, String typeDisplay, OffsetDateTime collectedAt, String fastingStatus) {
    }

    /**
     * @param kind    test-group, result or filing-comment
     * @param groupId the test group header a result belongs to, or null
     */
    public record ResultRecord(UUID id, UUID groupId, String kind, String code, String display, String status,
                               BigDecimal valueQuantity, String valueUnit, String valueString, String comment,
                               OffsetDateTime issued, String performerId, boolean confidential) {
    }
}
