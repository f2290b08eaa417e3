package org.gpconnect.accessrecord.html.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gpconnect.accessrecord.record.SharingControls;
import org.gpconnect.common.interaction.RecordSection;
import org.junit.jupiter.api.Test;

/**
 * What may appear in a view (access-record-html.md §7): practice-confidential items and codes of the configured
 * sensitive exclusion set are excluded (and declared by the exclusion banner), items awaiting filing are not
 * part of the record yet (left out, no banner).
 */
class SectionContextTest {

    private final SectionContext context = new SectionContext(null, RecordSection.ALL, Optional.empty(), LocalDate.now(),
            ZoneId.of("Europe/London"), Set.of("1234567"));

    @Test
    void visibilityOfOneItem() {
        assertThat(context.visibility(new SharingControls(false, null), "91935009")).isEqualTo(Visibility.SHOWN);
        assertThat(context.visibility(new SharingControls(false, null), null)).isEqualTo(Visibility.SHOWN);
        assertThat(context.visibility(new SharingControls(true, null), "91935009")).isEqualTo(Visibility.EXCLUDED);
        assertThat(context.visibility(new SharingControls(false, null), "1234567")).isEqualTo(Visibility.EXCLUDED);
        assertThat(context.visibility(new SharingControls(true, LocalDate.of(2020, 1, 1)), "1234567")).isEqualTo(Visibility.WITHHELD);
    }

    @Test
    void aSelectionSaysWhetherAnythingWasExcluded() {
        record Item(String code, SharingControls sharing) {
        }
        Item shown = new Item("1", new SharingControls(false, null));
        Item sensitive = new Item("1234567", new SharingControls(false, null));
        Item awaiting = new Item("2", new SharingControls(false, LocalDate.of(2020, 1, 1)));
        Selection<Item> both = Selection.of(List.of(shown, sensitive, awaiting), Item::sharing, Item::code, context);
        assertThat(both.shown()).containsExactly(shown);
        assertThat(both.excluded()).isTrue();
        Selection<Item> withheldOnly = Selection.of(List.of(shown, awaiting), Item::sharing, Item::code, context);
        assertThat(withheldOnly.shown()).containsExactly(shown);
        assertThat(withheldOnly.excluded()).isFalse();
    }
}
