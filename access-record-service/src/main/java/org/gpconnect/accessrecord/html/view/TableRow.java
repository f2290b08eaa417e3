package org.gpconnect.accessrecord.html.view;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * A table row: either data cells, one per column, or (All Medication and All Medication Issues) a grouping
 * row whose single cell spans every column and names the medication item of the rows that follow
 * (access-record-html.md §4.3, class {@code med-item-column}).
 */
@TemplateData
public record TableRow(List<Cell> cells, String groupLabel, int groupSpan) {

    public static TableRow of(List<Cell> cells) {
        return new TableRow(List.copyOf(cells), null, 0);
    }

    public static TableRow group(String medicationItem, int columns) {
        return new TableRow(List.of(), XhtmlText.clean(medicationItem), columns);
    }

    public boolean grouping() {
        return groupLabel != null;
    }
}
