package org.gpconnect.accessrecord.structured.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gpconnect.accessrecord.record.SharingControls;
import org.gpconnect.accessrecord.record.consultation.ConsultationRecord.Category;
import org.gpconnect.accessrecord.record.consultation.ConsultationRecord.Item;
import org.gpconnect.accessrecord.record.consultation.ConsultationRecord.ItemType;
import org.gpconnect.accessrecord.record.consultation.ConsultationRecord.Topic;
import org.gpconnect.accessrecord.record.consultation.ConsultationRecord;

/**
 * A patient's consultations, most recent first: the encounters, their sections and their items in three
 * queries however many consultations there are (or the encounters alone in one).
 */
@ApplicationScoped
public class ConsultationRepository {

    private static final String ENCOUNTERS = """
            SELECT * FROM encounter WHERE patient_id = $1 ORDER BY period_start DESC, id""";

    private static final String SECTIONS = """
            SELECT s.id, s.encounter_id, s.parent_id, s.position, s.title, s.problem_id
            FROM consultation_section s JOIN encounter e ON e.id = s.encounter_id
            WHERE e.patient_id = $1 ORDER BY s.encounter_id, s.parent_id NULLS FIRST, s.position, s.id""";

    private static final String ITEMS = """
            SELECT i.section_id, i.item_type, i.item_id
            FROM consultation_item i JOIN consultation_section s ON s.id = i.section_id JOIN encounter e ON e.id = s.encounter_id
            WHERE e.patient_id = $1 ORDER BY i.section_id, i.position""";

    private final Pool pool;

    public ConsultationRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every consultation with its topics, categories and items. */
    public Uni<List<ConsultationRecord>> forPatient(String patientId) {
        Tuple patient = Tuple.of(patientId);
        return pool.preparedQuery(ITEMS).execute(patient).chain(itemRows -> {
            Map<UUID, List<Item>> items = new HashMap<>();
            itemRows.forEach(r -> items.computeIfAbsent(r.getUUID("section_id"), k -> new ArrayList<>())
                    .add(new Item(ItemType.of(r.getString("item_type")), r.getUUID("item_id"))));
            return pool.preparedQuery(SECTIONS).execute(patient).chain(sectionRows -> {
                // topics by encounter, categories by topic (rows come topics first, each in position order)
                Map<UUID, List<Row>> topicRows = new HashMap<>();
                Map<UUID, List<Category>> categories = new HashMap<>();
                sectionRows.forEach(r -> {
                    if (r.getUUID("parent_id") == null) {
                        topicRows.computeIfAbsent(r.getUUID("encounter_id"), k -> new ArrayList<>()).add(r);
                    } else {
                        UUID id = r.getUUID("id");
                        categories.computeIfAbsent(r.getUUID("parent_id"), k -> new ArrayList<>())
                                .add(new Category(id, r.getString("title"), items.getOrDefault(id, List.of())));
                    }
                });
                return pool.preparedQuery(ENCOUNTERS).execute(patient).map(rows -> {
                    List<ConsultationRecord> result = new ArrayList<>();
                    rows.forEach(r -> {
                        List<Topic> topics = new ArrayList<>();
                        for (Row t : topicRows.getOrDefault(r.getUUID("id"), List.of())) {
                            UUID id = t.getUUID("id");
                            topics.add(new Topic(id, t.getString("title"), t.getUUID("problem_id"),
                                    categories.getOrDefault(id, List.of()), items.getOrDefault(id, List.of())));
                        }
                        result.add(map(r, topics));
                    });
                    return result;
                });
            });
        });
    }

    /** The encounters alone (the consultations a problem is linked to), in one query. */
    public Uni<List<ConsultationRecord>> encountersForPatient(String patientId) {
        return pool.preparedQuery(ENCOUNTERS).execute(Tuple.of(patientId)).map(rows -> {
            List<ConsultationRecord> result = new ArrayList<>();
            rows.forEach(r -> result.add(map(r, List.of())));
            return result;
        });
    }

    private static ConsultationRecord map(Row r, List<Topic> topics) {
        return new ConsultationRecord(r.getUUID("id"), r.getString("status"), r.getString("type_code"), r.getString("type_display"),
                r.getString("type_text"), r.getOffsetDateTime("period_start"), r.getOffsetDateTime("period_end"),
                r.getString("recorder_id"), r.getString("recorder_display"), r.getString("performer_id"),
                r.getString("service_provider_org_id"), r.getOffsetDateTime("last_modified"),
                new SharingControls(r.getBoolean("confidential"), r.getLocalDate("awaiting_filing_since")), List.copyOf(topics));
    }
}
