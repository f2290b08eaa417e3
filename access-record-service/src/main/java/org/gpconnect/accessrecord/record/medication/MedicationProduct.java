package org.gpconnect.accessrecord.record.medication;

import java.util.UUID;

/**
 * A medicinal product (table {@code medication}), dm+d/SNOMED coded.
 *
 * @param text the original term when the code is a degraded/transfer code, else null
 */
public record MedicationProduct(UUID id, String codeSystem, String code, String display, String text) {
}
