package org.gpconnect.gateway.viewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.gpconnect.common.interaction.RecordSection;

/**
 * The body of {@code $gpc.getcarerecord} (access-record-html.md §1.1): a DSTU2 Parameters resource with
 * {@code patientNHSNumber} (0.x NHS number system), one {@code recordSection} and, when a date is given,
 * {@code timePeriod} with the dates exactly as entered.
 */
public final class CareRecordParameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CareRecordParameters() {
    }

    public static String json(CareRecordQuery query) {
        ObjectNode parameters = JSON.createObjectNode();
        parameters.put("resourceType", "Parameters");
        ArrayNode parameter = parameters.putArray("parameter");

        ObjectNode patient = parameter.addObject();
        patient.put("name", "patientNHSNumber");
        patient.putObject("valueIdentifier").put("system", IdentifierSystems.DSTU2_NHS_NUMBER).put("value", query.nhsNumber());

        ObjectNode section = parameter.addObject();
        section.put("name", "recordSection");
        section.putObject("valueCodeableConcept").putArray("coding").addObject()
                .put("system", RecordSection.SYSTEM)
                .put("code", query.section().code())
                .put("display", query.section().title());

        if (query.hasPeriod()) {
            ObjectNode period = parameter.addObject();
            period.put("name", "timePeriod");
            ObjectNode value = period.putObject("valuePeriod");
            if (query.from() != null) {
                value.put("start", query.from().text());
            }
            if (query.to() != null) {
                value.put("end", query.to().text());
            }
        }
        return parameters.toString();
    }
}
