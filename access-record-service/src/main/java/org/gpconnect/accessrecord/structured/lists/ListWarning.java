package org.gpconnect.accessrecord.structured.lists;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The List warning codes (CareConnect-ListWarningCode-1) with the note text each must carry
 * (access-record-structured.md §7.3). The date in a note is written dd-Mmm-yyyy (e.g. 13-Jul-1962).
 */
public enum ListWarning {
    CONFIDENTIAL_ITEMS("confidential-items", "Confidential Items") {
        @Override
        public String note(LocalDate date) {
            return "Items excluded due to confidentiality and/or patient preferences.";
        }
    },
    DATA_IN_TRANSIT("data-in-transit", "Data in Transit") {
        @Override
        public String note(LocalDate registrationDate) {
            return "Patient record transfer from previous GP practice not yet complete; information recorded before "
                    + format(registrationDate) + " may be missing.";
        }
    },
    DATA_AWAITING_FILING("data-awaiting-filing", "Data Awaiting Filing") {
        @Override
        public String note(LocalDate since) {
            return "Patient record contains some items in the GP practice workflow that have not been reviewed for "
                    + "inclusion in this message; information recorded before " + format(since) + " may be missing.";
        }
    };

    // English month abbreviations whatever the JVM's locale (en-GB would write "Sept")
    private static final DateTimeFormatter DD_MMM_YYYY = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);

    private final String code;
    private final String display;

    ListWarning(String code, String display) {
        this.code = code;
        this.display = display;
    }

    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    /** The note text; {@code date} is the registration date or the awaiting-filing date (null for confidential). */
    public abstract String note(LocalDate date);

    static String format(LocalDate date) {
        return DD_MMM_YYYY.format(date);
    }
}
