package org.gpconnect.accessrecord.record.consultation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.gpconnect.accessrecord.record.SharingControls;

/**
 * A consultation (tables {@code encounter}, {@code consultation_section}, {@code consultation_item}): the
 * Encounter and its structure (access-record-structured.md §7.5), topics in display order, each either
 * flat (items directly) or with categories (headings) holding the items. Items refer to records of the
 * other areas.
 *
 * @param status            finished or unknown (draft)
 * @param typeText          the consultation type as the GP system shows it
 * @param end               when it ended, or null when not recorded
 * @param recorderId        the practitioner who recorded it, or null (then {@code recorderDisplay})
 * @param recorderDisplay   who recorded it when no practitioner of this record is known (a filed document)
 * @param performerId       the primary performer, or null
 * @param lastModified      system time of the last change
 */
public record ConsultationRecord(
        UUID id,
        String status,
        String typeCode,
        String typeDisplay,
        String typeText,
        OffsetDateTime start,
        OffsetDateTime end,
        String recorderId,
        String recorderDisplay,
        String performerId,
        String serviceProviderOrganizationId,
        OffsetDateTime lastModified,
        SharingControls sharing,
        List<Topic> topics) {

    /** A topic: problem it is about (or null), and either categories or items, never both. */
    public record Topic(UUID id, String title, UUID problemId, List<Category> categories, List<Item> items) {
    }

    /** A heading (category) of a topic and the entries made under it. */
    public record Category(UUID id, String title, List<Item> items) {
    }

    /** A record entry made in the consultation. */
    public record Item(ItemType type, UUID id) {
    }

    /** What a consultation item is (table {@code consultation_item.item_type}). */
    public enum ItemType {
        ALLERGY, MEDICATION, MEDICATION_ISSUE, IMMUNISATION, OBSERVATION, PROBLEM, INVESTIGATION, REFERRAL, DIARY, DOCUMENT;

        public static ItemType of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** The same consultation without its structure (what a problem's "consultations" list needs). */
    public ConsultationRecord withoutTopics() {
        return new ConsultationRecord(id, status, typeCode, typeDisplay, typeText, start, end, recorderId, recorderDisplay,
                performerId, serviceProviderOrganizationId, lastModified, sharing, List.of());
    }
}
