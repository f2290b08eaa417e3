package org.gpconnect.appointment.booking.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.LocalDate;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.gpconnect.common.event.AppointmentEventV1.Kind;
import org.gpconnect.common.interaction.Interaction;
import org.junit.jupiter.api.Test;

/**
 * Request parsing without a server: the §8 start parameters ({@link AppointmentSearchPeriod}), {@code Prefer}
 * (foundations.md §4) and which change a PUT is (appointment-management.md §1: the interaction ID only).
 */
class RequestParsingTest {

    private static final LocalDate TODAY = LocalDate.of(2030, 1, 10);

    @Test
    void aValidPeriodInEitherOrder() {
        assertThat(period("ge2030-01-10", "le2030-01-20")).isEqualTo(new AppointmentSearchPeriod(TODAY, LocalDate.of(2030, 1, 20)));
        assertThat(period("le2030-01-10", "ge2030-01-10")).isEqualTo(new AppointmentSearchPeriod(TODAY, TODAY));
    }

    @Test
    void invalidPeriods() {
        for (String[] starts : new String[][]{
                {"ge2030-01-10"}, {}, {"ge2030-01-10", "le2030-01-11", "le2030-01-12"}, {"ge2030-01-10", "ge2030-01-11"},
                {"gt2030-01-10", "le2030-01-11"}, {"2030-01-10", "le2030-01-11"}, {"GE2030-01-10", "le2030-01-11"},
                {"ge2030-01", "le2030-01-11"}, {"ge2030-01-10T10:00:00+00:00", "le2030-01-11"}, {"ge2030-02-30", "le2030-03-01"},
                {"ge2030-01-09", "le2030-01-11"}, {"ge2030-01-12", "le2030-01-11"}}) {
            assertThatThrownBy(() -> period(starts)).as(String.join("&", starts))
                    .isInstanceOfSatisfying(GpConnectException.class, e -> assertThat(e.spineCode()).isEqualTo(SpineCode.INVALID_PARAMETER));
        }
        assertThatThrownBy(() -> period("ge2030-01-09", "le2030-01-11")).hasMessageContaining("past");
    }

    @Test
    void preferReturnMinimal() {
        assertThat(PreferHeader.returnMinimal("return=minimal")).isTrue();
        assertThat(PreferHeader.returnMinimal("respond-async, return=minimal")).isTrue();
        assertThat(PreferHeader.returnMinimal("return = minimal")).isTrue();
        assertThat(PreferHeader.returnMinimal("return=representation")).isFalse();
        assertThat(PreferHeader.returnMinimal(null)).isFalse();
    }

    @Test
    void theInteractionIdDecidesAmendOrCancel() {
        assertThat(UpdateInteraction.of(Interaction.APPOINTMENT_AMEND.id())).isEqualTo(Kind.AMENDED);
        assertThat(UpdateInteraction.of(Interaction.APPOINTMENT_CANCEL.id())).isEqualTo(Kind.CANCELLED);
        assertThatThrownBy(() -> UpdateInteraction.of(Interaction.APPOINTMENT_READ.id()))
                .isInstanceOfSatisfying(GpConnectException.class, e -> assertThat(e.spineCode()).isEqualTo(SpineCode.BAD_REQUEST));
    }

    private static AppointmentSearchPeriod period(String... starts) {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        for (String start : starts) {
            query.add("start", start);
        }
        return AppointmentSearchPeriod.parse(query, TODAY);
    }
}
