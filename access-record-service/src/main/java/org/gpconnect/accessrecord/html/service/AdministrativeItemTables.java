package org.gpconnect.accessrecord.html.service;

import java.util.List;
import org.gpconnect.accessrecord.html.view.Cell;
import org.gpconnect.accessrecord.html.view.Subsection;
import org.gpconnect.accessrecord.html.view.TableRow;
import org.gpconnect.accessrecord.record.administrative.AdministrativeItemRecord;

/** Administrative Items (access-record-html.md §5: Date, Entry, Details; never a READ/SNOMED code). */
final class AdministrativeItemTables {

    static final TableSpec ADMINISTRATIVE_ITEMS = new TableSpec("Administrative Items", "adm-tab",
            List.of("Date", "Entry", "Details"), DateRule.CONSUMER_RANGE);

    private AdministrativeItemTables() {
    }

    static Subsection administrativeItems(List<AdministrativeItemRecord> items, SectionContext context) {
        List<AdministrativeItemRecord> candidates = items.stream().filter(i -> context.inRange(i.date()))
                .sorted(NewestFirst.by(i -> i.date().first())).toList();
        Selection<AdministrativeItemRecord> selection = Selection.of(candidates, AdministrativeItemRecord::sharing,
                AdministrativeItemRecord::code, context);
        List<TableRow> rows = selection.shown().stream().map(i -> TableRow.of(List.of(Cell.date(i.date()),
                Cell.text(i.entry()), Cell.text(i.details())))).toList();
        return ADMINISTRATIVE_ITEMS.subsection(false, context, rows, selection.excluded());
    }
}
