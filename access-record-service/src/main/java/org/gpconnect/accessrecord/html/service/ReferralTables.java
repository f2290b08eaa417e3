package org.gpconnect.accessrecord.html.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gpconnect.accessrecord.html.view.Cell;
import org.gpconnect.accessrecord.html.view.Subsection;
import org.gpconnect.accessrecord.html.view.TableRow;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.referral.ReferralRecord;

/**
 * Referrals (access-record-html.md §5: Date, From, To, Priority, Details). From is the referring clinician
 * and the organisation they referred for; To the recipient organisation when recorded; Details the original
 * term first, then the further text, each on its own line.
 */
final class ReferralTables {

    static final TableSpec REFERRALS = new TableSpec("Referrals", "ref-tab",
            List.of("Date", "From", "To", "Priority", "Details"), DateRule.CONSUMER_RANGE);

    private ReferralTables() {
    }

    /**
     * @param organizations names of the organisations the referrals name, by id
     * @param practitioners names of the practitioners the referrals name, by id
     */
    static Subsection referrals(List<ReferralRecord> referrals, Map<String, String> organizations,
                                Map<String, String> practitioners, SectionContext context) {
        List<ReferralRecord> candidates = referrals.stream()
                .filter(r -> day(r, context) == null || context.inRange(PartialDate.day(day(r, context))))
                .sorted(NewestFirst.by(r -> day(r, context))).toList();
        Selection<ReferralRecord> selection = Selection.of(candidates, ReferralRecord::sharing, ReferralRecord::reasonCode, context);
        List<TableRow> rows = selection.shown().stream().map(r -> TableRow.of(List.of(Cell.date(day(r, context)),
                Cell.text(practitioners.get(r.requesterId()), organizations.get(r.onBehalfOfOrganizationId())),
                Cell.text(organizations.get(r.recipientOrganizationId())), Cell.text(priority(r)),
                Cell.text(details(r))))).toList();
        return REFERRALS.subsection(false, context, rows, selection.excluded());
    }

    private static LocalDate day(ReferralRecord referral, SectionContext context) {
        return referral.authoredOn() == null ? null : referral.authoredOn().atZoneSameInstant(context.zone()).toLocalDate();
    }

    private static String priority(ReferralRecord referral) {
        String p = referral.priority();
        return p == null || p.isEmpty() ? null : p.substring(0, 1).toUpperCase(Locale.ROOT) + p.substring(1);
    }

    private static List<String> details(ReferralRecord referral) {
        List<String> lines = new ArrayList<>();
        lines.add(referral.reasonText());
        lines.add(referral.description());
        lines.add(referral.note());
        return lines;
    }
}
