package org.gpconnect.accessrecord.structured.request;

import static org.gpconnect.accessrecord.structured.request.ParameterCatalogue.*;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.structured.request.ParameterCatalogue.ValueKind;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.gpconnect.common.identifier.NhsNumber;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.PositiveIntType;
import org.hl7.fhir.dstu3.model.Type;

/**
 * Turns the operation's Parameters into a {@link StructuredRecordRequest}, applying the rules of
 * access-record-structured.md §2 and the error table of §3 in this order:
 * <ol>
 *   <li>shape (a parameter without a name, a duplicated parameter or part, a value of the wrong type):
 *       422 {@code INVALID_RESOURCE};</li>
 *   <li>nothing recognised, or no {@code patientNHSNumber}: 422 {@code INVALID_PARAMETER};</li>
 *   <li>the NHS number: system 400 {@code INVALID_IDENTIFIER_SYSTEM}, value 400 {@code INVALID_NHS_NUMBER};</li>
 *   <li>each area's parts: values and their rules, 422 {@code INVALID_PARAMETER} (except a consultation
 *       period together with a most-recent count: 422 {@code INVALID_RESOURCE});</li>
 *   <li>the not-permitted combinations (§2.1, {@link CombinationRules}).</li>
 * </ol>
 * Unrecognised parameters, and unrecognised parts of recognised parameters, are collected for warnings.
 */
@ApplicationScoped
public class RequestValidator {

    public StructuredRecordRequest validate(Parameters parameters, LocalDate today) {
        Identifier nhsNumber = null;
        boolean nhsNumberSeen = false;
        Map<ClinicalArea, ParametersParameterComponent> requested = new LinkedHashMap<>();
        List<String> unrecognised = new ArrayList<>();
        Set<String> seenUnrecognised = new HashSet<>();

        for (ParametersParameterComponent parameter : parameters.getParameter()) {
            String name = parameter.getName();
            if (name == null || name.isBlank()) {
                throw GpConnectException.invalidResource("A parameter has no name");
            }
            if (PATIENT_NHS_NUMBER.equals(name)) {
                if (nhsNumberSeen) {
                    throw duplicated(name);
                }
                nhsNumberSeen = true;
                if (!(parameter.getValue() instanceof Identifier identifier) || parameter.hasResource()) {
                    throw GpConnectException.invalidResource("Parameter " + name + " must be a valueIdentifier");
                }
                nhsNumber = identifier;
                continue;
            }
            Optional<ClinicalArea> area = ClinicalArea.byParameter(name);
            if (area.isEmpty()) {
                if (seenUnrecognised.add(name)) {
                    unrecognised.add(name);
                }
                continue;
            }
            if (requested.putIfAbsent(area.get(), parameter) != null) {
                throw duplicated(name);
            }
            if (parameter.getValue() != null || parameter.hasResource()) {
                throw GpConnectException.invalidResource("Parameter " + name + " takes no value, only parts");
            }
        }

        if (nhsNumber == null && requested.isEmpty()) {
            throw GpConnectException.invalidParameter("The request has no recognised parameter");
        }
        if (nhsNumber == null) {
            throw GpConnectException.invalidParameter("Parameter " + PATIENT_NHS_NUMBER + " is missing");
        }
        String nhs = checkedNhsNumber(nhsNumber);

        Map<ClinicalArea, Map<String, Type>> partsByArea = new LinkedHashMap<>();
        for (Map.Entry<ClinicalArea, ParametersParameterComponent> entry : requested.entrySet()) {
            partsByArea.put(entry.getKey(), recognisedParts(entry.getKey(), entry.getValue(), unrecognised));
        }
        Map<ClinicalArea, AreaQuery> queries = new LinkedHashMap<>();
        partsByArea.forEach((area, parts) -> queries.put(area, query(area, parts, today)));
        CombinationRules.check(partsByArea, queries);
        return new StructuredRecordRequest(nhs, queries, List.copyOf(unrecognised));
    }

    private static String checkedNhsNumber(Identifier identifier) {
        if (!IdentifierSystems.NHS_NUMBER.equals(identifier.getSystem())) {
            throw new GpConnectException(SpineCode.INVALID_IDENTIFIER_SYSTEM,
                    "Parameter " + PATIENT_NHS_NUMBER + " must use the system " + IdentifierSystems.NHS_NUMBER);
        }
        if (!NhsNumber.isValid(identifier.getValue())) {
            throw new GpConnectException(SpineCode.INVALID_NHS_NUMBER,
                    "Parameter " + PATIENT_NHS_NUMBER + " is not a valid NHS number");
        }
        return identifier.getValue();
    }

    /**
     * The area's recognised parts by name with their values; unknown parts are added to
     * {@code unrecognised} as {@code parameter.part}.
     */
    private static Map<String, Type> recognisedParts(ClinicalArea area, ParametersParameterComponent parameter,
                                                     List<String> unrecognised) {
        Map<String, ValueKind> known = ParameterCatalogue.partsOf(area);
        Map<String, Type> parts = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ParametersParameterComponent part : parameter.getPart()) {
            String partName = part.getName();
            String qualified = area.parameter() + "." + partName;
            if (partName == null || partName.isBlank()) {
                throw GpConnectException.invalidResource("A part of parameter " + area.parameter() + " has no name");
            }
            if (!seen.add(partName)) {
                throw duplicated(qualified);
            }
            ValueKind kind = known.get(partName);
            if (kind == null) {
                if (!unrecognised.contains(qualified)) {
                    unrecognised.add(qualified);
                }
                continue;
            }
            if (part.hasResource() || part.hasPart()) {
                throw GpConnectException.invalidResource("Part " + qualified + " must be a " + kind.element());
            }
            Type value = part.getValue();
            if (value == null || value.isEmpty() && !hasRawValue(value)) {
                throw GpConnectException.invalidParameter("Part " + qualified + " has no value");
            }
            if (!fits(kind, value)) {
                throw GpConnectException.invalidResource("Part " + qualified + " must be a " + kind.element());
            }
            parts.put(partName, value);
        }
        return parts;
    }

    private static boolean hasRawValue(Type value) {
        return value instanceof org.hl7.fhir.dstu3.model.PrimitiveType<?> p && p.getValueAsString() != null;
    }

    private static boolean fits(ValueKind kind, Type value) {
        return switch (kind) {
            case BOOLEAN -> value instanceof BooleanType;
            case DATE -> value instanceof DateType || value instanceof DateTimeType;
            case PERIOD -> value instanceof Period;
            case POSITIVE_INT -> value instanceof PositiveIntType;
            case CODE -> value instanceof CodeType;
        };
    }

    private static AreaQuery query(ClinicalArea area, Map<String, Type> parts, LocalDate today) {
        String p = area.parameter() + ".";
        return switch (area) {
            case ALLERGIES -> {
                Type resolved = parts.get(INCLUDE_RESOLVED_ALLERGIES);
                if (resolved == null) {
                    throw GpConnectException.invalidParameter("Part " + p + INCLUDE_RESOLVED_ALLERGIES
                            + " is mandatory with " + area.parameter());
                }
                yield new AreaQuery.Allergies(PartValues.bool(p + INCLUDE_RESOLVED_ALLERGIES, resolved));
            }
            case MEDICATION -> {
                boolean issues = PartValues.optionalBool(p + INCLUDE_PRESCRIPTION_ISSUES, parts.get(INCLUDE_PRESCRIPTION_ISSUES)).orElse(true);
                Optional<LocalDate> from = Optional.ofNullable(parts.get(MEDICATION_SEARCH_FROM_DATE))
                        .map(v -> PartValues.fullDate(p + MEDICATION_SEARCH_FROM_DATE, v));
                from.ifPresent(d -> PartValues.notAfter(p + MEDICATION_SEARCH_FROM_DATE, d, today));
                yield new AreaQuery.Medication(issues, from);
            }
            case CONSULTATIONS -> {
                Optional<DateRange> period = pastPeriod(p + CONSULTATION_SEARCH_PERIOD, parts.get(CONSULTATION_SEARCH_PERIOD), today);
                OptionalInt mostRecent = PartValues.optionalPositiveInt(p + INCLUDE_NUMBER_OF_MOST_RECENT, parts.get(INCLUDE_NUMBER_OF_MOST_RECENT));
                if (period.isPresent() && mostRecent.isPresent()) {
                    // §3: this one combination is INVALID_RESOURCE (it contradicts the OperationDefinition)
                    throw GpConnectException.invalidResource("Parts " + p + CONSULTATION_SEARCH_PERIOD + " and "
                            + p + INCLUDE_NUMBER_OF_MOST_RECENT + " cannot be used together");
                }
                yield new AreaQuery.Consultations(period, mostRecent);
            }
            case PROBLEMS -> {
                Optional<String> status = Optional.ofNullable(parts.get(FILTER_STATUS)).map(v -> PartValues.code(p + FILTER_STATUS, v));
                if (status.isPresent() && !Set.of("active", "inactive").contains(status.get())) {
                    throw PartValues.invalid(p + FILTER_STATUS, "must be active or inactive");
                }
                yield new AreaQuery.Problems(status);
            }
            case IMMUNISATIONS -> new AreaQuery.Immunisations(
                    PartValues.optionalBool(p + INCLUDE_NOT_GIVEN, parts.get(INCLUDE_NOT_GIVEN)).orElse(false),
                    PartValues.optionalBool(p + INCLUDE_STATUS, parts.get(INCLUDE_STATUS)).orElse(true));
            case UNCATEGORISED_DATA -> new AreaQuery.Period(area,
                    pastPeriod(p + UNCATEGORISED_DATA_SEARCH_PERIOD, parts.get(UNCATEGORISED_DATA_SEARCH_PERIOD), today));
            case INVESTIGATIONS -> new AreaQuery.Period(area,
                    pastPeriod(p + INVESTIGATION_SEARCH_PERIOD, parts.get(INVESTIGATION_SEARCH_PERIOD), today));
            case REFERRALS -> new AreaQuery.Period(area,
                    pastPeriod(p + REFERRAL_SEARCH_PERIOD, parts.get(REFERRAL_SEARCH_PERIOD), today));
            case DIARY_ENTRIES -> {
                Optional<LocalDate> date = Optional.ofNullable(parts.get(DIARY_ENTRIES_SEARCH_DATE))
                        .map(v -> PartValues.fullDate(p + DIARY_ENTRIES_SEARCH_DATE, v));
                date.ifPresent(d -> PartValues.notBefore(p + DIARY_ENTRIES_SEARCH_DATE, d, today));
                yield new AreaQuery.DiaryEntries(date);
            }
            // never requested: byParameter only knows the requestable areas
            case DOCUMENTS -> throw new IllegalStateException("Documents have no request parameter");
        };
    }

    /** A search period whose ends are full dates not after today (§3). */
    private static Optional<DateRange> pastPeriod(String name, Type value, LocalDate today) {
        if (value == null) {
            return Optional.empty();
        }
        DateRange range = PartValues.period(name, value);
        PartValues.notAfter(name + ".start", range.start(), today);
        PartValues.notAfter(name + ".end", range.end(), today);
        return Optional.of(range);
    }

    private static GpConnectException duplicated(String name) {
        return GpConnectException.invalidResource("Parameter " + name + " is given more than once");
    }
}
