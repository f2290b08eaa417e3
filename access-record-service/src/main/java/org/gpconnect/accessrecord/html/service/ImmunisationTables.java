package org.gpconnect.accessrecord.html.service;

import java.util.ArrayList;
import java.util.List;
import org.gpconnect.accessrecord.html.view.Cell;
import org.gpconnect.accessrecord.html.view.Subsection;
import org.gpconnect.accessrecord.html.view.TableRow;
import org.gpconnect.accessrecord.record.immunisation.ImmunisationRecord;

/**
 * Immunisations (access-record-html.md §5: Date, Vaccination, Part, Contents, Details; no date filter).
 * Vaccination is the procedure, Part the dose in its course, Contents the vaccine product when recorded;
 * Details the site, route, a "not given" reason and the note.
 */
final class ImmunisationTables {

    static final TableSpec IMMUNISATIONS = new TableSpec("Immunisations", "imm-tab",
            List.of("Date", "Vaccination", "Part", "Contents", "Details"), DateRule.NONE);

    private ImmunisationTables() {
    }

    static Subsection immunisations(List<ImmunisationRecord> immunisations, SectionContext context) {
        List<ImmunisationRecord> candidates = immunisations.stream()
                .sorted(NewestFirst.by(i -> i.administered() == null ? null : i.administered().first())).toList();
        Selection<ImmunisationRecord> selection = Selection.of(candidates, ImmunisationRecord::sharing,
                ImmunisationRecord::procedureCode, context);
        List<TableRow> rows = selection.shown().stream().map(i -> TableRow.of(List.of(Cell.date(i.administered()),
                Cell.text(i.procedureDisplay()), Cell.text(Integer.toString(i.doseSequence())), Cell.text(i.vaccineDisplay()),
                Cell.text(details(i))))).toList();
        return IMMUNISATIONS.subsection(false, context, rows, selection.excluded());
    }

    private static List<String> details(ImmunisationRecord i) {
        List<String> lines = new ArrayList<>();
        if (i.notGiven()) {
            lines.add("Not given" + (i.notGivenReason() == null ? "" : ": " + i.notGivenReason()));
        }
        if (i.siteDisplay() != null) {
            lines.add("Site: " + i.siteDisplay());
        }
        if (i.routeDisplay() != null) {
            lines.add("Route: " + i.routeDisplay());
        }
        lines.add(i.note());
        return lines;
    }
}
