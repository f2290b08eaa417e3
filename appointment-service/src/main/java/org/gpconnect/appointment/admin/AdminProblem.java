package org.gpconnect.appointment.admin;

import java.util.List;

/**
 * A refused admin API request, answered as a JSON {@link AdminError} (never as a FHIR OperationOutcome: the admin
 * API is the GP system's, not a GP Connect interface). The message is shown to the caller.
 */
public class AdminProblem extends RuntimeException {

    private final int status;
    private final List<AdminError.Violation> violations;

    public AdminProblem(int status, String message, List<AdminError.Violation> violations) {
        super(message, null, false, false);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    public AdminProblem(int status, String message) {
        this(status, message, List.of());
    }

    public static AdminProblem badRequest(String message) {
        return new AdminProblem(400, message);
    }

    public static AdminProblem notFound(String message) {
        return new AdminProblem(404, message);
    }

    public static AdminProblem conflict(String message) {
        return new AdminProblem(409, message);
    }

    public int status() {
        return status;
    }

    public List<AdminError.Violation> violations() {
        return violations;
    }
}
