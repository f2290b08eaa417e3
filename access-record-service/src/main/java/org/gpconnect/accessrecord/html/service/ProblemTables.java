package org.gpconnect.accessrecord.html.service;

import java.util.List;
import java.util.function.Predicate;
import org.gpconnect.accessrecord.html.view.Cell;
import org.gpconnect.accessrecord.html.view.Subsection;
import org.gpconnect.accessrecord.html.view.TableRow;
import org.gpconnect.accessrecord.record.problem.ProblemRecord;

/**
 * The problem tables (access-record-html.md §5, Problems and Issues; also in the Summary): active problems
 * always in full, inactive ones split by significance and filtered by the consumer's range on the period the
 * problem was active (onset to end; no end recorded: its onset).
 */
final class ProblemTables {

    static final TableSpec ACTIVE = new TableSpec("Active Problems and Issues", "prb-tab-act",
            List.of("Start Date", "Entry", "Significance", "Details"), DateRule.ALL_RECORDS);
    static final TableSpec MAJOR_INACTIVE = new TableSpec("Major Inactive Problems and Issues", "prb-tab-majinact",
            List.of("Start Date", "End Date", "Entry", "Significance", "Details"), DateRule.CONSUMER_RANGE);
    static final TableSpec OTHER_INACTIVE = new TableSpec("Other Inactive Problems and Issues", "prb-tab-othinact",
            List.of("Start Date", "End Date", "Entry", "Significance", "Details"), DateRule.CONSUMER_RANGE);

    private ProblemTables() {
    }

    static Subsection active(TableSpec spec, List<ProblemRecord> problems, SectionContext context) {
        Selection<ProblemRecord> selection = select(problems, ProblemRecord::active, context);
        List<TableRow> rows = selection.shown().stream().map(p -> TableRow.of(List.of(Cell.date(p.onset()),
                Cell.text(p.display()), Cell.text(significance(p)), Cell.text(p.note())))).toList();
        return spec.subsection(true, context, rows, selection.excluded());
    }

    static Subsection majorInactive(TableSpec spec, List<ProblemRecord> problems, SectionContext context) {
        return inactive(spec, problems, context, p -> "major".equals(p.significance()));
    }

    static Subsection otherInactive(List<ProblemRecord> problems, SectionContext context) {
        return inactive(OTHER_INACTIVE, problems, context, p -> !"major".equals(p.significance()));
    }

    private static Subsection inactive(TableSpec spec, List<ProblemRecord> problems, SectionContext context,
                                       Predicate<ProblemRecord> significance) {
        boolean filtered = spec.dateRule() == DateRule.CONSUMER_RANGE;
        Selection<ProblemRecord> selection = select(problems, p -> !p.active() && significance.test(p)
                && (!filtered || p.onset() == null || context.inRange(p.onset().first(),
                        p.abatementDate() != null ? p.abatementDate() : p.onset().last())), context);
        List<TableRow> rows = selection.shown().stream().map(p -> TableRow.of(List.of(Cell.date(p.onset()),
                Cell.date(p.abatementDate()), Cell.text(p.display()), Cell.text(significance(p)), Cell.text(p.note())))).toList();
        return spec.subsection(true, context, rows, selection.excluded());
    }

    private static Selection<ProblemRecord> select(List<ProblemRecord> problems, Predicate<ProblemRecord> candidate,
                                                   SectionContext context) {
        List<ProblemRecord> candidates = problems.stream().filter(candidate)
                .sorted(NewestFirst.by(p -> p.onset() == null ? null : p.onset().first())).toList();
        return Selection.of(candidates, ProblemRecord::sharing, ProblemRecord::code, context);
    }

    private static String significance(ProblemRecord problem) {
        return "major".equals(problem.significance()) ? "Major" : "Minor";
    }
}
