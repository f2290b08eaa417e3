package org.gpconnect.accessrecord.html.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.gpconnect.accessrecord.html.view.Cell;
import org.gpconnect.accessrecord.html.view.DisplayDates;
import org.gpconnect.accessrecord.html.view.Subsection;
import org.gpconnect.accessrecord.html.view.TableRow;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.medication.MedicationAuthorisation;
import org.gpconnect.accessrecord.record.medication.MedicationIssue;

/**
 * The medication tables (access-record-html.md §5, Medications; acute and current repeat also in the Summary),
 * built from the authorisations of the record (one row each) and their issues:
 * <ul>
 *   <li>Acute Medication (Last 12 Months): acute items started in the twelve months up to today;</li>
 *   <li>Current Repeat Medication: repeats (every non-acute type, an unrecorded type included) still active
 *       and not past their end;</li>
 *   <li>Discontinued Repeat Medication: repeats that were stopped;</li>
 *   <li>All Medication: every item whose effective period meets the consumer's range (a repeat without end is
 *       ongoing, an acute without end lasts its start day, no start: the date it was recorded), grouped by
 *       medication item;</li>
 *   <li>All Medication Issues: every issue of the items All Medication shows, grouped the same way.</li>
 * </ul>
 * Last Issued Date and the number issued are left empty for repeat dispensing and for items prescribed
 * elsewhere (§5): the practice does not know them.
 */
final class MedicationTables {

    static final TableSpec ACUTE = new TableSpec("Acute Medication (Last 12 Months)", "med-tab-acu-med",
            List.of("Type", "Start Date", "Medication Item", "Dosage Instruction", "Quantity", "Scheduled End Date",
                    "Days Duration", "Additional Information"), DateRule.ALL_RECORDS);
    static final TableSpec CURRENT_REPEAT = new TableSpec("Current Repeat Medication", "med-tab-curr-rep",
            List.of("Type", "Start Date", "Medication Item", "Dosage Instruction", "Quantity", "Last Issued Date",
                    "Number of Prescriptions Issued", "Max Issues", "Review Date", "Additional Information"), DateRule.ALL_RECORDS);
    static final TableSpec DISCONTINUED_REPEAT = new TableSpec("Discontinued Repeat Medication", "med-tab-dis-rep",
            List.of("Type", "Last Issued Date", "Medication Item", "Dosage Instruction", "Quantity", "Discontinued Date",
                    "Discontinuation Reason", "Additional Information"), DateRule.ALL_RECORDS);
    static final TableSpec ALL_MEDICATION = new TableSpec("All Medication", "med-tab-all-sum",
            List.of("Type", "Start Date", "Medication Item", "Dosage Instruction", "Quantity", "Last Issued Date",
                    "Number of Prescriptions Issued", "Discontinuation Details", "Additional Information"), DateRule.CONSUMER_RANGE);
    static final TableSpec ALL_ISSUES = new TableSpec("All Medication Issues", "med-tab-all-iss",
            List.of("Type", "Issue Date", "Medication Item", "Dosage Instruction", "Quantity", "Days Duration",
                    "Additional Information"), DateRule.CONSUMER_RANGE);

    private final List<MedicationAuthorisation> medication;
    private final Map<UUID, List<String>> linkedProblems;
    private final SectionContext context;

    /**
     * @param linkedProblems the titles of the (shareable) problems each authorisation is linked to
     */
    MedicationTables(List<MedicationAuthorisation> medication, Map<UUID, List<String>> linkedProblems,
                     SectionContext context) {
        this.medication = medication;
        this.linkedProblems = linkedProblems;
        this.context = context;
    }

    Subsection acute(TableSpec spec) {
        LocalDate since = context.today().minusMonths(12);
        Selection<MedicationAuthorisation> selection = select(m -> m.isAcute() && startDay(m) != null
                && !startDay(m).isBefore(since) && !startDay(m).isAfter(context.today()), NewestFirst.by(MedicationTables::startDay));
        List<TableRow> rows = selection.shown().stream().map(m -> TableRow.of(List.of(
                Cell.text(type(m)), start(m), Cell.text(item(m)), Cell.text(m.dosageText()), Cell.text(m.quantityText()),
                Cell.date(m.effectiveEnd()), Cell.text(daysDuration(m)), Cell.text(additionalInformation(m))))).toList();
        return spec.subsection(true, context, rows, selection.excluded());
    }

    Subsection currentRepeat(TableSpec spec) {
        Selection<MedicationAuthorisation> selection = select(m -> !m.isAcute() && "active".equals(m.status())
                && (m.effectiveEnd() == null || !m.effectiveEnd().last().isBefore(context.today())),
                NewestFirst.by(MedicationTables::startDay));
        List<TableRow> rows = selection.shown().stream().map(m -> TableRow.of(List.of(
                Cell.text(type(m)), start(m), Cell.text(item(m)), Cell.text(m.dosageText()), Cell.text(m.quantityText()),
                Cell.date(lastIssued(m)), Cell.text(issuedCount(m)),
                Cell.text(m.repeatsAllowed() == null ? null : m.repeatsAllowed().toString()),
                Cell.date(m.authorisationExpiry()), Cell.text(additionalInformation(m))))).toList();
        return spec.subsection(true, context, rows, selection.excluded());
    }

    Subsection discontinuedRepeat() {
        Selection<MedicationAuthorisation> selection = select(m -> !m.isAcute() && "stopped".equals(m.status()),
                NewestFirst.by(MedicationTables::lastIssued));
        List<TableRow> rows = selection.shown().stream().map(m -> TableRow.of(List.of(
                Cell.text(type(m)), Cell.date(lastIssued(m)), Cell.text(item(m)), Cell.text(m.dosageText()),
                Cell.text(m.quantityText()), Cell.date(m.statusReasonDate()), Cell.text(m.statusReason()),
                Cell.text(additionalInformation(m))))).toList();
        return DISCONTINUED_REPEAT.subsection(true, context, rows, selection.excluded());
    }

    /** All Medication and All Medication Issues, which show the same items. */
    List<Subsection> all() {
        Selection<MedicationAuthorisation> selection = select(this::inConsumerRange, NewestFirst.by(MedicationTables::startDay));
        int medicationColumns = ALL_MEDICATION.columns().size();
        List<TableRow> medicationRows = new ArrayList<>();
        byItem(selection.shown()).forEach((item, items) -> {
            medicationRows.add(TableRow.group(item, medicationColumns));
            items.forEach(m -> medicationRows.add(TableRow.of(List.of(Cell.text(type(m)), start(m), Cell.text(item(m)),
                    Cell.text(m.dosageText()), Cell.text(m.quantityText()), Cell.date(lastIssued(m)), Cell.text(issuedCount(m)),
                    Cell.text(discontinuation(m)), Cell.text(additionalInformation(m))))));
        });
        int issueColumns = ALL_ISSUES.columns().size();
        List<TableRow> issueRows = new ArrayList<>();
        byItem(selection.shown()).forEach((item, items) -> {
            List<IssueOf> issues = items.stream().flatMap(m -> m.issues().stream().map(i -> new IssueOf(m, i)))
                    .sorted(NewestFirst.by(i -> i.issue().issueDate())).toList();
            if (!issues.isEmpty()) {
                issueRows.add(TableRow.group(item, issueColumns));
                issues.forEach(i -> issueRows.add(TableRow.of(List.of(Cell.text(type(i.medication())),
                        Cell.date(i.issue().issueDate()), Cell.text(item(i.medication())), Cell.text(i.medication().dosageText()),
                        Cell.text(i.medication().quantityText()), Cell.text(days(i.issue().issueDate(), i.issue().validityEnd())),
                        Cell.text()))));
            }
        });
        return List.of(ALL_MEDICATION.subsection(true, context, medicationRows, selection.excluded()),
                ALL_ISSUES.subsection(true, context, issueRows, selection.excluded()));
    }

    private record IssueOf(MedicationAuthorisation medication, MedicationIssue issue) {
    }

    private Selection<MedicationAuthorisation> select(Predicate<MedicationAuthorisation> candidate,
                                                      Comparator<MedicationAuthorisation> order) {
        List<MedicationAuthorisation> candidates = medication.stream().filter(candidate).sorted(order).toList();
        return Selection.of(candidates, MedicationAuthorisation::sharing, m -> m.medication().code(), context);
    }

    /** §5 "All Medication date filter": the effective period (as recorded, or as the item's type implies) meets the range. */
    private boolean inConsumerRange(MedicationAuthorisation m) {
        LocalDate start = startDay(m);
        LocalDate end = m.effectiveEnd() != null ? m.effectiveEnd().last() : m.isAcute() ? start : null;
        return context.inRange(start, end);
    }

    /** Grouping rows in the order of the item names; each group's rows newest first (already sorted). */
    private static Map<String, List<MedicationAuthorisation>> byItem(List<MedicationAuthorisation> items) {
        Map<String, List<MedicationAuthorisation>> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        items.forEach(m -> groups.computeIfAbsent(item(m), k -> new ArrayList<>()).add(m));
        return groups;
    }

    private static LocalDate startDay(MedicationAuthorisation m) {
        return m.effectiveStart() != null ? m.effectiveStart().first() : m.authoredOn();
    }

    private static Cell start(MedicationAuthorisation m) {
        return m.effectiveStart() != null ? Cell.date(m.effectiveStart()) : Cell.date(m.authoredOn());
    }

    /** The product as the prescriber saw it: the original term of a degraded (transferred) code, else its name. */
    private static String item(MedicationAuthorisation m) {
        return m.medication().text() != null ? m.medication().text() : m.medication().display();
    }

    /** §5 "Type": Acute, Repeat, Repeat Dispense…, with the prescribing agency when it was not this practice. */
    static String type(MedicationAuthorisation m) {
        String type = m.prescriptionType() == null ? "repeat" : m.prescriptionType();
        String base = switch (type) {
            case "acute" -> "Acute";
            case "repeat-dispensing" -> "Repeat Dispense";
            case "delayed-prescribing" -> "Delayed Prescribing";
            default -> "Repeat";
        };
        return switch (m.prescribingAgency()) {
            case MedicationAuthorisation.PRESCRIBED_ELSEWHERE -> base + " - Prescribed by another organisation";
            case "prescribed-by-previous-practice" -> base + " - Prescribed by previous practice";
            default -> base;
        };
    }

    private static boolean issuesUnknownHere(MedicationAuthorisation m) {
        return "repeat-dispensing".equals(m.prescriptionType())
                || !"prescribed-at-gp-practice".equals(m.prescribingAgency());
    }

    private static LocalDate lastIssued(MedicationAuthorisation m) {
        if (issuesUnknownHere(m)) {
            return null;
        }
        return m.lastIssueDate() != null ? m.lastIssueDate()
                : m.issues().stream().map(MedicationIssue::issueDate).max(LocalDate::compareTo).orElse(null);
    }

    private static String issuedCount(MedicationAuthorisation m) {
        return issuesUnknownHere(m) ? null : Integer.toString(m.issues().size());
    }

    private static String daysDuration(MedicationAuthorisation m) {
        PartialDate end = m.effectiveEnd();
        return end == null ? null : days(startDay(m), end.last());
    }

    private static String days(LocalDate from, LocalDate to) {
        return from == null || to == null ? null : Long.toString(ChronoUnit.DAYS.between(from, to));
    }

    private static List<String> discontinuation(MedicationAuthorisation m) {
        if (m.isAcute() || !"stopped".equals(m.status())) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("DISCONTINUED: " + DisplayDates.format(m.statusReasonDate()));
        lines.add(m.statusReason());
        return lines;
    }

    /** §5 "Additional Information", one entry per line. */
    private List<String> additionalInformation(MedicationAuthorisation m) {
        List<String> lines = new ArrayList<>();
        if (m.isAcute() && "stopped".equals(m.status())) {
            lines.add(("CANCELLED: " + DisplayDates.format(m.statusReasonDate()) + " "
                    + (m.statusReason() == null ? "" : m.statusReason())).strip());
        }
        if (m.reasonDisplay() != null) {
            lines.add("Reason: " + m.reasonDisplay());
        }
        linkedProblems.getOrDefault(m.id(), List.of()).forEach(p -> lines.add("Linked problem: " + p));
        if ("repeat-dispensing".equals(m.prescriptionType())) {
            lines.add("Last authorised: " + DisplayDates.format(m.authoredOn()));
            if (m.repeatsAllowed() != null) {
                lines.add("Number of issues authorised: " + m.repeatsAllowed());
            }
        }
        lines.add(m.note());
        return lines;
    }
}
