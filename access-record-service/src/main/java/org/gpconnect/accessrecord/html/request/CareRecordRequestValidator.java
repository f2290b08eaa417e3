package org.gpconnect.accessrecord.html.request;

import ca.uhn.fhir.model.api.IDatatype;
import ca.uhn.fhir.model.dstu2.composite.CodeableConceptDt;
import ca.uhn.fhir.model.dstu2.composite.CodingDt;
import ca.uhn.fhir.model.dstu2.composite.IdentifierDt;
import ca.uhn.fhir.model.dstu2.composite.PeriodDt;
import ca.uhn.fhir.model.dstu2.resource.Parameters.Parameter;
import ca.uhn.fhir.model.primitive.DateTimeDt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gpconnect.accessrecord.html.request.CareRecordParametersReader.ReadParameters;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.gpconnect.common.identifier.NhsNumber;
import org.gpconnect.common.interaction.RecordSection;

/**
 * Turns the operation's Parameters into a {@link CareRecordRequest}, with the errors of
 * access-record-html.md §2 in this order:
 * <ol>
 *   <li>shape: a parameter this operation does not define, no or more than one {@code patientNHSNumber} or
 *       {@code recordSection} (duplicates included), more than one {@code timePeriod}, a value of the wrong
 *       type: 400 {@code BAD_REQUEST};</li>
 *   <li>the NHS number: system 400 {@code INVALID_IDENTIFIER_SYSTEM}, then format and check digit 400
 *       {@code INVALID_NHS_NUMBER};</li>
 *   <li>the section: a coding with a wrong (non-empty) system 400 {@code INVALID_PARAMETER} (demonstrator);
 *       no system, no code, an unknown code or one not in upper case 422 {@code INVALID_PARAMETER};</li>
 *   <li>the time period: for SUM, ALL or IMM 400 {@code INVALID_PARAMETER}; an unreadable date, neither
 *       start nor end, or a start after the end 422 {@code INVALID_PARAMETER}.</li>
 * </ol>
 * Parameter order does not matter (§8).
 */
@ApplicationScoped
public class CareRecordRequestValidator {

    static final String PATIENT_NHS_NUMBER = "patientNHSNumber";
    static final String RECORD_SECTION = "recordSection";
    static final String TIME_PERIOD = "timePeriod";
    private static final Set<String> DEFINED = Set.of(PATIENT_NHS_NUMBER, RECORD_SECTION, TIME_PERIOD);

    public CareRecordRequest validate(ReadParameters read) {
        List<Parameter> nhsNumbers = new ArrayList<>();
        List<Parameter> sections = new ArrayList<>();
        List<Parameter> periods = new ArrayList<>();
        for (Parameter parameter : read.parameters().getParameter()) {
            String name = parameter.getName();
            if (name == null || !DEFINED.contains(name)) {
                throw GpConnectException.badRequest("Parameter '" + printable(name) + "' is not a parameter of $gpc.getcarerecord");
            }
            if (PATIENT_NHS_NUMBER.equals(name)) {
                nhsNumbers.add(parameter);
            } else if (RECORD_SECTION.equals(name)) {
                sections.add(parameter);
            } else {
                periods.add(parameter);
            }
        }
        IdentifierDt identifier = single(nhsNumbers, PATIENT_NHS_NUMBER, IdentifierDt.class, "valueIdentifier");
        CodeableConceptDt section = single(sections, RECORD_SECTION, CodeableConceptDt.class, "valueCodeableConcept");
        if (periods.size() > 1) {
            throw GpConnectException.badRequest("Parameter " + TIME_PERIOD + " is given more than once");
        }
        PeriodDt period = periods.isEmpty() ? null
                // "valuePeriod": {} parses as no value: a period with neither end, which §2 makes 422, not a type error
                : periods.get(0).getValue() == null && periods.get(0).getPart().isEmpty() ? new PeriodDt()
                : value(periods.get(0), TIME_PERIOD, PeriodDt.class, "valuePeriod");

        String nhsNumber = nhsNumber(identifier);
        RecordSection recordSection = section(section);
        return new CareRecordRequest(nhsNumber, recordSection, timePeriod(recordSection, period, read.invalidPeriodEnds()));
    }

    private static <T extends IDatatype> T single(List<Parameter> found, String name, Class<T> type, String element) {
        if (found.isEmpty()) {
            throw GpConnectException.badRequest("Parameter " + name + " is missing");
        }
        if (found.size() > 1) {
            throw GpConnectException.badRequest("Parameter " + name + " is given more than once: one per request");
        }
        return value(found.get(0), name, type, element);
    }

    private static <T extends IDatatype> T value(Parameter parameter, String name, Class<T> type, String element) {
        IDatatype value = parameter.getValue();
        if (!type.isInstance(value) || parameter.getResource() != null || !parameter.getPart().isEmpty()) {
            throw GpConnectException.badRequest("Parameter " + name + " must be a " + element);
        }
        return type.cast(value);
    }

    private static String nhsNumber(IdentifierDt identifier) {
        if (!IdentifierSystems.DSTU2_NHS_NUMBER.equals(identifier.getSystem())) {
            throw new GpConnectException(SpineCode.INVALID_IDENTIFIER_SYSTEM,
                    "Parameter " + PATIENT_NHS_NUMBER + " must use the system " + IdentifierSystems.DSTU2_NHS_NUMBER);
        }
        if (!NhsNumber.isValid(identifier.getValue())) {
            throw new GpConnectException(SpineCode.INVALID_NHS_NUMBER, "Parameter " + PATIENT_NHS_NUMBER + " is not a valid NHS number");
        }
        return identifier.getValue();
    }

    private static RecordSection section(CodeableConceptDt concept) {
        CodingDt coding = concept.getCoding().isEmpty() ? new CodingDt() : concept.getCodingFirstRep();
        String system = coding.getSystem();
        if (system != null && !system.isEmpty() && !RecordSection.SYSTEM.equals(system)) {
            // a wrong system is 400 (demonstrator); a missing one falls to the 422 below with an unknown code
            throw new GpConnectException(400, SpineCode.INVALID_PARAMETER, SpineCode.INVALID_PARAMETER.issueType(),
                    "Parameter " + RECORD_SECTION + " must be coded in " + RecordSection.SYSTEM);
        }
        Optional<RecordSection> section = RecordSection.byCode(coding.getCode());
        if (system == null || system.isEmpty() || section.isEmpty()) {
            throw GpConnectException.invalidParameter("Parameter " + RECORD_SECTION + " is not a record section of "
                    + RecordSection.SYSTEM + ": '" + printable(coding.getCode()) + "'");
        }
        return section.get();
    }

    private static Optional<TimePeriod> timePeriod(RecordSection section, PeriodDt period, Map<String, String> invalidEnds) {
        if (period == null) {
            return Optional.empty();
        }
        if (!section.dateFilterAllowed()) {
            // §1.2 / layout guide: HTTP 400, not 422
            throw new GpConnectException(400, SpineCode.INVALID_PARAMETER, SpineCode.INVALID_PARAMETER.issueType(),
                    "Parameter " + TIME_PERIOD + " is not allowed for the section " + section.code());
        }
        invalidEnds.forEach((element, raw) -> {
            throw PeriodDates.invalid(element, raw);
        });
        PartialDate start = end("start", period.getStartElement());
        PartialDate end = end("end", period.getEndElement());
        if (start == null && end == null) {
            throw GpConnectException.invalidParameter("Parameter " + TIME_PERIOD + " has neither a start nor an end");
        }
        if (start != null && end != null && start.first().isAfter(end.last())) {
            throw GpConnectException.invalidParameter("Parameter " + TIME_PERIOD + " starts after it ends");
        }
        return Optional.of(new TimePeriod(start, end));
    }

    private static PartialDate end(String name, DateTimeDt value) {
        String raw = value == null ? null : value.getValueAsString();
        return raw == null || raw.isEmpty() ? null : PeriodDates.parse(name, raw);
    }

    private static String printable(String value) {
        if (value == null) {
            return "";
        }
        String bounded = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return bounded.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
