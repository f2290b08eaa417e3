package org.gpconnect.accessrecord.html.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.gpconnect.accessrecord.html.view.Cell;
import org.gpconnect.accessrecord.html.view.Subsection;
import org.gpconnect.accessrecord.html.view.TableRow;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.consultation.ConsultationRecord;

/**
 * Encounters (access-record-html.md §5: Date, Title, Details; the Summary's "Last 3 Encounters" are the three
 * most recent). A consultation is dated by its start in the practice's zone, titled by its type as the GP
 * system shows it, and detailed by the titles of its topics, one per line (an untitled topic adds nothing).
 */
final class EncounterTables {

    static final TableSpec ENCOUNTERS = new TableSpec("Encounters", "enc-tab", List.of("Date", "Title", "Details"),
            DateRule.CONSUMER_RANGE);
    static final TableSpec LAST_THREE = ENCOUNTERS.as("Last 3 Encounters", DateRule.NONE);

    private EncounterTables() {
    }

    static Subsection encounters(List<ConsultationRecord> consultations, SectionContext context) {
        return table(ENCOUNTERS, false, consultations, context, Integer.MAX_VALUE);
    }

    static Subsection lastThree(List<ConsultationRecord> consultations, SectionContext context) {
        return table(LAST_THREE, true, consultations, context, 3);
    }

    private static Subsection table(TableSpec spec, boolean heading, List<ConsultationRecord> consultations,
                                    SectionContext context, int limit) {
        boolean filtered = spec.dateRule() == DateRule.CONSUMER_RANGE;
        List<ConsultationRecord> candidates = consultations.stream()
                .filter(c -> !filtered || context.inRange(PartialDate.day(day(c, context))))
                .sorted(NewestFirst.by(c -> day(c, context))).toList();
        Selection<ConsultationRecord> selection = Selection.of(candidates, ConsultationRecord::sharing, c -> c.typeCode(), context);
        List<TableRow> rows = selection.shown().stream().limit(limit).map(c -> TableRow.of(List.of(
                Cell.date(day(c, context)), Cell.text(c.typeText()),
                Cell.text(c.topics().stream().map(ConsultationRecord.Topic::title).filter(Objects::nonNull).toList())))).toList();
        return spec.subsection(heading, context, rows, selection.excluded());
    }

    private static LocalDate day(ConsultationRecord consultation, SectionContext context) {
        return consultation.start().atZoneSameInstant(context.zone()).toLocalDate();
    }
}
