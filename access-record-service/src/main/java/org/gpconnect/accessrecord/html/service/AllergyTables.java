package org.gpconnect.accessrecord.html.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.accessrecord.html.view.Cell;
import org.gpconnect.accessrecord.html.view.Subsection;
import org.gpconnect.accessrecord.html.view.TableRow;
import org.gpconnect.accessrecord.record.allergy.AllergyRecord;

/**
 * The allergy tables (access-record-html.md §5, Allergies and Adverse Reactions; current ones also in the
 * Summary). No date filter. The start is the onset, or the date it was recorded when no onset is known (an
 * explicit "No known allergy" entry). Details: what the patient reacts to, the reaction and its severity, why
 * it ended, the note.
 */
final class AllergyTables {

    static final TableSpec CURRENT = new TableSpec("Current Allergies and Adverse Reactions", "all-tab-curr",
            List.of("Start Date", "Details"), DateRule.NONE);
    static final TableSpec HISTORICAL = new TableSpec("Historical Allergies and Adverse Reactions", "all-tab-hist",
            List.of("Start Date", "End Date", "Details"), DateRule.NONE);

    private AllergyTables() {
    }

    static Subsection current(List<AllergyRecord> allergies, SectionContext context) {
        Selection<AllergyRecord> selection = select(allergies, true, context);
        List<TableRow> rows = selection.shown().stream()
                .map(a -> TableRow.of(List.of(start(a), Cell.text(details(a))))).toList();
        return CURRENT.subsection(true, context, rows, selection.excluded());
    }

    static Subsection historical(List<AllergyRecord> allergies, SectionContext context) {
        Selection<AllergyRecord> selection = select(allergies, false, context);
        List<TableRow> rows = selection.shown().stream()
                .map(a -> TableRow.of(List.of(start(a), Cell.date(a.endDate()), Cell.text(details(a))))).toList();
        return HISTORICAL.subsection(true, context, rows, selection.excluded());
    }

    private static Selection<AllergyRecord> select(List<AllergyRecord> allergies, boolean active, SectionContext context) {
        List<AllergyRecord> candidates = allergies.stream().filter(a -> a.active() == active)
                .sorted(NewestFirst.by(AllergyTables::startDay)).toList();
        return Selection.of(candidates, AllergyRecord::sharing, AllergyRecord::code, context);
    }

    private static LocalDate startDay(AllergyRecord allergy) {
        return allergy.onset() != null ? allergy.onset().first() : allergy.assertedDate();
    }

    private static Cell start(AllergyRecord allergy) {
        return allergy.onset() != null ? Cell.date(allergy.onset()) : Cell.date(allergy.assertedDate());
    }

    private static List<String> details(AllergyRecord allergy) {
        List<String> lines = new ArrayList<>();
        lines.add(allergy.display());
        if (allergy.reactionDisplay() != null) {
            lines.add("Reaction: " + allergy.reactionDisplay()
                    + (allergy.reactionSeverity() != null ? " (" + allergy.reactionSeverity() + ")" : ""));
        }
        if (!allergy.active()) {
            lines.add("Reason ended: " + (allergy.endReason() != null ? allergy.endReason() : "No information available"));
        }
        lines.add(allergy.note());
        return lines;
    }
}
