package org.gpconnect.appointment.booking.rest;

import java.util.Locale;

/**
 * The {@code Prefer} header of a create or update (foundations.md §4): {@code return=minimal} asks for no body,
 * anything else (or nothing) for the resource ({@code return=representation}, the default).
 */
final class PreferHeader {

    private PreferHeader() {
    }

    static boolean returnMinimal(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split("[,;]")) {
            if (preference.trim().replace(" ", "").toLowerCase(Locale.ROOT).equals("return=minimal")) {
                return true;
            }
        }
        return false;
    }
}
