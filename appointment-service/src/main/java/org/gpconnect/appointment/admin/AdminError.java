package org.gpconnect.appointment.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every admin API error: {@code {"status":400,"error":"Bad Request","message":"...",
 * "violations":[{"field":"slotMinutes","message":"must be between 1 and 480"}]}}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AdminError(int status, String error, String message, List<Violation> violations) {

    /** One field that failed validation. */
    public record Violation(String field, String message) {
    }
}
