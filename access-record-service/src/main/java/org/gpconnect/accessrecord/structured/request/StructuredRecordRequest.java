package org.gpconnect.accessrecord.structured.request;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gpconnect.accessrecord.record.ClinicalArea;

/**
 * A validated {@code $gpc.getstructuredrecord} request: the patient, the areas asked for with their
 * parts, and the parameters that were not recognised (answered with warnings, §5).
 *
 * @param nhsNumber     the valid NHS number of {@code patientNHSNumber}
 * @param areas         each requested area's query, in request order
 * @param unrecognised  unrecognised parameters ({@code name}) and parts ({@code parent.part}), in request order
 */
public record StructuredRecordRequest(String nhsNumber, Map<ClinicalArea, AreaQuery> areas, List<String> unrecognised) {

    public <Q extends AreaQuery> Optional<Q> query(ClinicalArea area, Class<Q> type) {
        return Optional.ofNullable(areas.get(area)).map(type::cast);
    }
}
