package org.gpconnect.accessrecord.html.service;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.function.Function;

/**
 * The default sort of every table (access-record-html.md §5: the default sort column descending): newest
 * first by the table's date, undated items last.
 */
final class NewestFirst {

    private NewestFirst() {
    }

    static <T> Comparator<T> by(Function<T, LocalDate> date) {
        return Comparator.comparing(date, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder())).reversed();
    }
}
