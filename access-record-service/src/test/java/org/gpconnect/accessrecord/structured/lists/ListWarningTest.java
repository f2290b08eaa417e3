package org.gpconnect.accessrecord.structured.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The exact note texts of access-record-structured.md §7.3, dates as dd-Mmm-yyyy. */
class ListWarningTest {

    @Test
    void notes() {
        assertThat(ListWarning.CONFIDENTIAL_ITEMS.note(null))
                .isEqualTo("Items excluded due to confidentiality and/or patient preferences.");
        assertThat(ListWarning.DATA_IN_TRANSIT.note(LocalDate.of(1962, 7, 13))).isEqualTo(
                "Patient record transfer from previous GP practice not yet complete; information recorded before 13-Jul-1962 may be missing.");
        assertThat(ListWarning.DATA_AWAITING_FILING.note(LocalDate.of(2020, 9, 2))).isEqualTo(
                "Patient record contains some items in the GP practice workflow that have not been reviewed for inclusion in this "
                        + "message; information recorded before 02-Sep-2020 may be missing.");
    }

    @Test
    void codesAndDisplays() {
        assertThat(ListWarning.CONFIDENTIAL_ITEMS.code()).isEqualTo("confidential-items");
        assertThat(ListWarning.CONFIDENTIAL_ITEMS.display()).isEqualTo("Confidential Items");
        assertThat(ListWarning.DATA_IN_TRANSIT.code()).isEqualTo("data-in-transit");
        assertThat(ListWarning.DATA_AWAITING_FILING.code()).isEqualTo("data-awaiting-filing");
    }
}
