package org.gpconnect.appointment.foundations.rest;

import java.util.regex.Pattern;

/**
 * Shape of an ODS code as accepted in an identifier search (foundations.md §9 "value malformed"). ODS
 * organisation codes are short upper-case alphanumerics: 3 characters for trusts, 5 for sites and branches,
 * 6 for GP practices, a little longer for some other organisation types. 3 to 10 upper-case letters or
 * digits accepts every real code with room to spare (and matches what the seed loader accepts) while
 * rejecting lower case, punctuation, spaces and anything oversized, which can never name an organisation.
 * A well-formed code that matches nothing (for example INVOC1) is a valid search with no results.
 */
final class OdsCode {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Z0-9]{3,10}");

    private OdsCode() {
    }

    static boolean isWellFormed(String candidate) {
        return WELL_FORMED.matcher(candidate).matches();
    }
}
