package org.gpconnect.accessrecord.html.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gpconnect.accessrecord.record.SharingControls;

/**
 * The items a table shows, out of the candidates its rules selected, and whether any was excluded for
 * confidentiality (then the table carries the exclusion banner, access-record-html.md §4.2).
 */
record Selection<T>(List<T> shown, boolean excluded) {

    static <T> Selection<T> of(List<T> candidates, Function<T, SharingControls> sharing, Function<T, String> code,
                               SectionContext context) {
        List<T> shown = new ArrayList<>();
        boolean excluded = false;
        for (T item : candidates) {
            switch (context.visibility(sharing.apply(item), code.apply(item))) {
                case SHOWN -> shown.add(item);
                case EXCLUDED -> excluded = true;
                case WITHHELD -> {
                    // not committed to the record yet: not shown, and not an exclusion either
                }
            }
        }
        return new Selection<>(List.copyOf(shown), excluded);
    }
}
