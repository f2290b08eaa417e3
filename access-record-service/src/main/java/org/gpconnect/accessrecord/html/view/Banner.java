package org.gpconnect.accessrecord.html.view;

import io.quarkus.qute.TemplateData;
import java.time.LocalDate;

/**
 * One banner of a view (access-record-html.md §4.2): {@code <div class="{cssClass}"><p>{text}</p></div>},
 * with the exact texts the spec prescribes.
 */
@TemplateData
public record Banner(String cssClass, String text) {

    public static Banner gpTransfer(LocalDate registeredHere) {
        return new Banner("gptransfer-banner", "Patient record transfer from previous GP practice not yet complete; "
                + "information recorded before " + DisplayDates.format(registeredHere) + " may be missing");
    }

    public static Banner exclusion() {
        return new Banner("exclusion-banner", "Items excluded due to confidentiality and/or patient preferences");
    }

    public static Banner period(LocalDate from, LocalDate to) {
        return date("For the period '" + DisplayDates.format(from) + "' to '" + DisplayDates.format(to) + "'");
    }

    public static Banner from(LocalDate from) {
        return date("Data items from '" + DisplayDates.format(from) + "'");
    }

    public static Banner until(LocalDate to) {
        return date("Data items until '" + DisplayDates.format(to) + "'");
    }

    /** A consumer range was given but this subsection shows all its records anyway. */
    public static Banner filterNotApplied() {
        return date("Date filter not applied");
    }

    /** A section that can be filtered, asked for without a range. */
    public static Banner allRelevantItems() {
        return date("All relevant items");
    }

    private static Banner date(String text) {
        return new Banner("date-banner", text);
    }
}
