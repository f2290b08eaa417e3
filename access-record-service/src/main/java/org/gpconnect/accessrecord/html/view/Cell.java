package org.gpconnect.accessrecord.html.view;

import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.gpconnect.accessrecord.record.PartialDate;

/**
 * One table cell: its lines (separated by {@code <br/>}) and whether it is a date cell (class
 * {@code date-column}: it holds only a date, or nothing, access-record-html.md §4.3).
 */
@TemplateData
public record Cell(List<Line> lines, boolean date) {

    /** A line of text; {@code breakBefore} for every line but the first. */
    @TemplateData
    public record Line(String text, boolean breakBefore) {
    }

    /**
     * A text cell of the given lines, nulls and blanks left out. A value may hold line breaks of its own
     * (a note typed over several lines): each becomes a line, because §4 allows no CR, LF or TAB in the view.
     */
    public static Cell text(String... values) {
        return text(Arrays.asList(values));
    }

    public static Cell text(List<String> values) {
        List<Line> lines = new ArrayList<>();
        values.stream().filter(Objects::nonNull).flatMap(v -> v.lines()).map(XhtmlText::clean)
                .filter(s -> !s.isBlank())
                .forEach(s -> lines.add(new Line(s, !lines.isEmpty())));
        return new Cell(List.copyOf(lines), false);
    }

    public static Cell date(LocalDate date) {
        return dateCell(DisplayDates.format(date));
    }

    public static Cell date(PartialDate date) {
        return dateCell(DisplayDates.format(date));
    }

    private static Cell dateCell(String text) {
        return new Cell(text.isEmpty() ? List.of() : List.of(new Line(text, false)), true);
    }
}
