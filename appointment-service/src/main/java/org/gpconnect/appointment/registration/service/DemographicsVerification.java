package org.gpconnect.appointment.registration.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The NHS number verification rule of foundations.md §9.1, which §9.2 applies to a registration: the demographics
 * sent are verified against the PDS record when the date of birth matches exactly, or when two of its three parts
 * (year, month, day) match and the first three characters of the first family name and the first initial of the
 * given name match too. Names compare case-insensitively, ignoring surrounding spaces; a name shorter than three
 * characters must match whole.
 */
public final class DemographicsVerification {

    private DemographicsVerification() {
    }

    /**
     * @param family      the family name sent
     * @param given       the given names sent (the first counts)
     * @param birthDate   the date of birth sent
     * @param pdsFamily   PDS's family name, may be null
     * @param pdsGiven    PDS's given names, may be empty
     * @param pdsBirthDate PDS's date of birth; null (PDS holds none, or only part of one) never verifies
     */
    public static boolean verified(String family, List<String> given, LocalDate birthDate,
                                   String pdsFamily, List<String> pdsGiven, LocalDate pdsBirthDate) {
        if (birthDate == null || pdsBirthDate == null) {
            return false;
        }
        if (birthDate.equals(pdsBirthDate)) {
            return true;
        }
        int matchingParts = (birthDate.getYear() == pdsBirthDate.getYear() ? 1 : 0)
                + (birthDate.getMonthValue() == pdsBirthDate.getMonthValue() ? 1 : 0)
                + (birthDate.getDayOfMonth() == pdsBirthDate.getDayOfMonth() ? 1 : 0);
        return matchingParts == 2
                && sameStart(firstFamilyName(family), firstFamilyName(pdsFamily), 3)
                && sameStart(first(given), first(pdsGiven), 1);
    }

    /** The first of several family names ("SMITH-JONES", "SMITH JONES" → "SMITH"). */
    static String firstFamilyName(String family) {
        if (family == null) {
            return null;
        }
        String trimmed = family.strip();
        int end = 0;
        while (end < trimmed.length() && trimmed.charAt(end) != ' ' && trimmed.charAt(end) != '-') {
            end++;
        }
        return trimmed.substring(0, end);
    }

    private static boolean sameStart(String a, String b, int length) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            return false;
        }
        String left = a.strip().toUpperCase(Locale.ROOT);
        String right = b.strip().toUpperCase(Locale.ROOT);
        return left.substring(0, Math.min(length, left.length())).equals(right.substring(0, Math.min(length, right.length())));
    }

    private static String first(List<String> names) {
        return names == null || names.isEmpty() ? null : names.get(0);
    }
}
