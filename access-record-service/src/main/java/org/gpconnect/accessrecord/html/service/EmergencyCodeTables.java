package org.gpconnect.accessrecord.html.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.gpconnect.accessrecord.html.view.Cell;
import org.gpconnect.accessrecord.html.view.Subsection;
import org.gpconnect.accessrecord.html.view.TableRow;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.SharingControls;
import org.gpconnect.accessrecord.record.observation.ObservationRecord;
import org.gpconnect.accessrecord.record.problem.ProblemRecord;

/**
 * The Summary's Emergency Codes (access-record-html.md §5: Date▼, Entry, Details, Location of further
 * information; table id {@code cli-tab}, §4.3): the problems and uncategorised entries coded with one of the
 * configured emergency codes, newest first. Where further information is held is not recorded in this model,
 * so that column stays empty.
 */
final class EmergencyCodeTables {

    static final TableSpec EMERGENCY_CODES = new TableSpec("Emergency Codes", "cli-tab",
            List.of("Date", "Entry", "Details", "Location of further information"), DateRule.NONE);

    private EmergencyCodeTables() {
    }

    private record Entry(PartialDate date, String code, String display, List<String> details, SharingControls sharing) {
    }

    static Subsection emergencyCodes(Set<String> codes, List<ProblemRecord> problems, List<ObservationRecord> observations,
                                     SectionContext context) {
        List<Entry> candidates = new ArrayList<>();
        problems.stream().filter(p -> codes.contains(p.code()))
                .forEach(p -> candidates.add(new Entry(p.onset(), p.code(), p.display(), Arrays.asList(p.note()), p.sharing())));
        observations.stream().filter(o -> codes.contains(o.code()))
                .forEach(o -> candidates.add(new Entry(o.effectiveInterval(context.zone()), o.code(), o.display(),
                        Arrays.asList(o.valueString(), o.comment()), o.sharing())));
        candidates.sort(NewestFirst.by(EmergencyCodeTables::day));
        Selection<Entry> selection = Selection.of(candidates, Entry::sharing, Entry::code, context);
        List<TableRow> rows = selection.shown().stream().map(e -> TableRow.of(List.of(Cell.date(e.date()), Cell.text(e.display()),
                Cell.text(e.details()), Cell.text()))).toList();
        return EMERGENCY_CODES.subsection(true, context, rows, selection.excluded());
    }

    private static LocalDate day(Entry entry) {
        return entry.date() == null ? null : entry.date().first();
    }
}
