package org.gpconnect.accessrecord.html.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.gpconnect.accessrecord.html.view.Cell;
import org.gpconnect.accessrecord.html.view.Subsection;
import org.gpconnect.accessrecord.html.view.TableRow;
import org.gpconnect.accessrecord.record.observation.ObservationRecord;
import org.gpconnect.accessrecord.record.observation.ObservationRecord.Kind;

/**
 * Observations and Clinical Items (access-record-html.md §5), two views of the record's uncategorised data
 * (what Access Record Structured sends as "Uncategorised data"): an entry that measured something (a quantity,
 * or a blood pressure's components) is an observation, shown with its value and unit; every other coded entry
 * (none, or a text value) is a clinical item. No reference ranges are recorded, so Range stays empty.
 */
final class ObservationTables {

    static final TableSpec OBSERVATIONS = new TableSpec("Observations", "obs-tab",
            List.of("Date", "Entry", "Value", "Range", "Details"), DateRule.CONSUMER_RANGE);
    static final TableSpec CLINICAL_ITEMS = new TableSpec("Clinical Items", "cli-tab",
            List.of("Date", "Entry", "Details"), DateRule.CONSUMER_RANGE);

    private ObservationTables() {
    }

    static boolean measured(ObservationRecord o) {
        return o.kind() == Kind.BLOOD_PRESSURE || o.valueQuantity() != null;
    }

    static Subsection observations(List<ObservationRecord> observations, SectionContext context) {
        Selection<ObservationRecord> selection = select(observations, ObservationTables::measured, context);
        List<TableRow> rows = selection.shown().stream().map(o -> TableRow.of(List.of(
                Cell.date(o.effectiveInterval(context.zone())), Cell.text(o.display()), Cell.text(value(o)), Cell.text(),
                Cell.text(o.comment())))).toList();
        return OBSERVATIONS.subsection(false, context, rows, selection.excluded());
    }

    static Subsection clinicalItems(List<ObservationRecord> observations, SectionContext context) {
        Selection<ObservationRecord> selection = select(observations, o -> !measured(o), context);
        List<TableRow> rows = selection.shown().stream().map(o -> TableRow.of(List.of(
                Cell.date(o.effectiveInterval(context.zone())), Cell.text(o.display()),
                Cell.text(o.valueString(), o.comment())))).toList();
        return CLINICAL_ITEMS.subsection(false, context, rows, selection.excluded());
    }

    private static Selection<ObservationRecord> select(List<ObservationRecord> observations, Predicate<ObservationRecord> kind,
                                                       SectionContext context) {
        List<ObservationRecord> candidates = observations.stream()
                .filter(o -> o.kind() != Kind.IMMUNISATION_STATUS && kind.test(o))
                .filter(o -> context.inRange(o.effectiveInterval(context.zone())))
                .sorted(NewestFirst.by(o -> o.effectiveInterval(context.zone()) == null ? null
                        : o.effectiveInterval(context.zone()).first()))
                .toList();
        return Selection.of(candidates, ObservationRecord::sharing, ObservationRecord::code, context);
    }

    /** Value and unit as recorded ("36.7 Cel"); a blood pressure's components one per line. */
    private static List<String> value(ObservationRecord o) {
        List<String> lines = new ArrayList<>();
        if (o.valueQuantity() != null) {
            lines.add(number(o.valueQuantity()) + (o.valueUnit() == null ? "" : " " + o.valueUnit()));
        }
        o.components().forEach(c -> lines.add(c.display() + ": " + number(c.value()) + (c.unit() == null ? "" : " " + c.unit())));
        return lines;
    }

    /** The number as the source recorded it, without the trailing zeros a numeric column adds. */
    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
