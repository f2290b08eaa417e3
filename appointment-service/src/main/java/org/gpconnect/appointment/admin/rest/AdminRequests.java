package org.gpconnect.appointment.admin.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.gpconnect.appointment.admin.AdminError;
import org.gpconnect.appointment.admin.AdminProblem;
import org.gpconnect.common.security.InternalToken;

/**
 * What every admin API request goes through: the JSON body read strictly (malformed JSON, an unknown field or a
 * value of the wrong type is 400 naming the field) and checked with Bean Validation (400 listing every violation),
 * and the caller's reach (a token naming a practice, {@code gpc_provider_ods}, reaches only that practice: 403).
 */
@ApplicationScoped
public class AdminRequests {

    /** Largest admin request body read. */
    static final int MAX_BODY_CHARS = 64 * 1024;

    private final ObjectMapper json;
    private final Validator validator;
    private final JsonWebToken token;

    public AdminRequests(ObjectMapper json, Validator validator, JsonWebToken token) {
        this.json = json.copy();
        this.json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
        this.validator = validator;
        this.token = token;
    }

    /** The body as {@code type}, valid, or a 400 {@link AdminProblem}. */
    public <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw AdminProblem.badRequest("A JSON body is required");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw AdminProblem.badRequest("The body is larger than " + MAX_BODY_CHARS + " characters");
        }
        T value;
        try {
            ObjectReader reader = json.readerFor(type)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                            DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
            value = reader.readValue(body);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(p -> p.getFieldName() != null ? p.getFieldName() : "[" + p.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new AdminProblem(400, "The body does not match the expected JSON",
                    List.of(new AdminError.Violation(field.isEmpty() ? "(body)" : field, reason(e))));
        } catch (JsonProcessingException e) {
            throw AdminProblem.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (value == null) {
            throw AdminProblem.badRequest("A JSON object is required");
        }
        validate(value);
        return value;
    }

    /** Bean Validation of {@code value}: every violation listed, 400. */
    public <T> void validate(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new AdminProblem(400, "The request is not valid", violations.stream()
                    .map(v -> new AdminError.Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(AdminError.Violation::field))
                    .toList());
        }
    }

    /** A token that names a practice reaches only that practice. */
    public void checkReach(String ods) {
        String allowed = token.getClaim(InternalToken.PROVIDER_ODS);
        if (allowed != null && !allowed.equals(ods)) {
            throw new AdminProblem(403, "This token is for practice " + allowed);
        }
    }

    /** Who is acting: the operator's id in the admin token. */
    public String operator() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new AdminProblem(403, "The token does not name its operator (sub)");
        }
        return subject;
    }

    private static String reason(JsonMappingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "invalid value";
        }
        if (message.startsWith("Unrecognized field")) {
            return "unknown field";
        }
        if (message.contains("java.time.LocalTime")) {
            return "must be a time HH:mm";
        }
        if (message.contains("java.time.DayOfWeek")) {
            return "must be a day MONDAY ... SUNDAY";
        }
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        // Jackson names Java types; the caller needs only the gist
        return firstLine.replaceAll("`[a-zA-Z.$]+\\.([A-Za-z]+)`", "$1");
    }
}
