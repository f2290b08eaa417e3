package org.gpconnect.common.identifier;

/**
 * NHS number check (foundations.md §9.1): exactly ten ASCII digits whose tenth is the modulus-11 check
 * digit of the first nine (weights 10..2; 11 maps to 0; a remainder giving 10 makes the number invalid).
 */
public final class NhsNumber {

    private NhsNumber() {
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 9) {
                sum += (c - '0') * (10 - i);
            }
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == candidate.charAt(9) - '0';
    }
}
