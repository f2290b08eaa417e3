package org.gpconnect.accessrecord.html.service;

import java.util.ArrayList;
import java.util.List;
import org.gpconnect.accessrecord.html.view.Banner;
import org.gpconnect.accessrecord.html.view.HtmlTable;
import org.gpconnect.accessrecord.html.view.Subsection;
import org.gpconnect.accessrecord.html.view.TableRow;

/**
 * One table of access-record-html.md §5: its title (the {@code <h2>} in a multi-table view, the "no data"
 * name either way), its mandatory id (§4.3), its columns in order and how it treats the date range.
 */
record TableSpec(String title, String id, List<String> columns, DateRule dateRule) {

    /** The same table under another title and date rule (the Summary's copies of other sections' tables). */
    TableSpec as(String otherTitle, DateRule otherRule) {
        return new TableSpec(otherTitle, id, columns, otherRule);
    }

    TableSpec withRule(DateRule otherRule) {
        return new TableSpec(title, id, columns, otherRule);
    }

    /**
     * The table with its banners (date banner, then the exclusion banner, §4.1), or the §6 "no data"
     * fragment in its place.
     *
     * @param heading whether it is a subsection with its own {@code <h2>} (multi-table view)
     */
    Subsection subsection(boolean heading, SectionContext context, List<TableRow> rows, boolean excluded) {
        List<Banner> banners = new ArrayList<>();
        dateRule.banner(context.period()).ifPresent(banners::add);
        if (excluded) {
            banners.add(Banner.exclusion());
        }
        HtmlTable table = rows.isEmpty() ? null : new HtmlTable(id, columns, List.copyOf(rows));
        List<String> noData = rows.isEmpty() ? List.of("No '" + title + "' data is recorded for this patient.") : List.of();
        return new Subsection(heading ? title : null, List.copyOf(banners), table, noData);
    }
}
