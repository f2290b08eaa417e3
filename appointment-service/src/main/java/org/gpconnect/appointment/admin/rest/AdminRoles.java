package org.gpconnect.appointment.admin.rest;

/** The role (internal token {@code groups}) of the practice's own staff and GP system on the admin API. */
public final class AdminRoles {

    public static final String PRACTICE_ADMIN = "practice-admin";

    private AdminRoles() {
    }
}
