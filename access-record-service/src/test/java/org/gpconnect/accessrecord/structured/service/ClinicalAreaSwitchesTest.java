package org.gpconnect.accessrecord.structured.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.junit.jupiter.api.Test;

/** The start-up guard: an area this build does not implement can never be switched on (§5). */
class ClinicalAreaSwitchesTest {

    @Test
    void unimplementedAreasMustBeDisabledEstateWide() {
        EnumSet<ClinicalArea> implemented = EnumSet.of(ClinicalArea.ALLERGIES, ClinicalArea.MEDICATION);
        EnumSet<ClinicalArea> disabled = EnumSet.complementOf(implemented);
        assertThat(ClinicalAreaSwitches.unimplementedButOn(implemented, disabled)).isEmpty();
        disabled.remove(ClinicalArea.REFERRALS);
        assertThat(ClinicalAreaSwitches.unimplementedButOn(implemented, disabled)).containsExactly(ClinicalArea.REFERRALS);
        // switching an implemented area off is always allowed
        disabled.add(ClinicalArea.REFERRALS);
        disabled.add(ClinicalArea.ALLERGIES);
        assertThat(ClinicalAreaSwitches.unimplementedButOn(implemented, disabled)).isEmpty();
    }

    @Test
    void documentsHaveNoSectionAndAreNeverUnimplemented() {
        // DocumentReferences come inside consultations, problems and referrals (§5: switchable, no parameter of their own)
        EnumSet<ClinicalArea> all = EnumSet.allOf(ClinicalArea.class);
        all.remove(ClinicalArea.DOCUMENTS);
        assertThat(ClinicalAreaSwitches.unimplementedButOn(all, EnumSet.noneOf(ClinicalArea.class))).isEmpty();
        assertThat(ClinicalArea.byParameter("DocumentReferences")).isEmpty();
        assertThat(ClinicalArea.DOCUMENTS.parameter()).isEqualTo("DocumentReferences");
        assertThat(ClinicalArea.DOCUMENTS.disabledItemsDisplay()).isEqualTo("Document items have been disabled");
    }
}
