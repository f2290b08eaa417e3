package org.gpconnect.appointment.slot.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gpconnect.appointment.slot.FreeSlot;
import org.gpconnect.appointment.slot.SlotQuery;
import org.junit.jupiter.api.Test;

/**
 * The slot query of a search (appointment-management.md §3.3) as the performance brief wants it: one
 * statement that the partial index {@code slot_free_window_idx} can serve, returning slots in time order.
 */
@QuarkusTest
class FreeSlotRepositoryTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    FreeSlotRepository repository;

    @Test
    void theQueryCanUseThePartialIndexOfFreeBookableSlots() {
        var from = LocalDate.now(LONDON).atStartOfDay(LONDON).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        // with sequential scans priced out, the plan shows whether the predicates match the partial index at
        // all, whatever the planner would pick for a table this small
        List<String> plan = pool.withTransaction(connection -> connection.query("SET LOCAL enable_seqscan = off").execute()
                        .chain(() -> connection.preparedQuery("EXPLAIN " + FreeSlotRepository.FREE_SLOTS)
                                .execute(Tuple.of("B82617", from, from.plusDays(15), new String[]{"B82617"}, new String[0]))))
                .map(rows -> {
                    List<String> lines = new ArrayList<>();
                    for (Row row : rows) {
                        lines.add(row.getString(0));
                    }
                    return lines;
                })
                .await().atMost(WAIT);
        assertThat(String.join("\n", plan)).contains("slot_free_window_idx")
                // bounded on both sides, not a scan from start to the end of the index
                .containsPattern("Index Cond: \\(\\(start_at >= .*\\) AND \\(start_at < .*\\)\\)");
    }

    @Test
    void slotsComeInTimeOrderWithTheirRowVersion() {
        var tomorrow = LocalDate.now(LONDON).plusDays(1).atStartOfDay(LONDON).toInstant();
        List<FreeSlot> slots = repository.find("B82617", new SlotQuery(tomorrow, tomorrow.plus(Duration.ofDays(1)), Set.of(), Set.of(), false, false))
                .await().atMost(WAIT);
        assertThat(slots).hasSize(3 * 44);
        assertThat(slots).isSortedAccordingTo((a, b) -> a.start().compareTo(b.start()));
        assertThat(slots).allMatch(s -> s.version() >= 1 && s.end().equals(s.start().plusSeconds(600)));
        assertThat(repository.find("R1A14", new SlotQuery(tomorrow, tomorrow.plus(Duration.ofDays(1)), Set.of(), Set.of(), false, false))
                .await().atMost(WAIT)).isEmpty();
    }
}
