package org.gpconnect.senddocument.itk;

import java.nio.file.Path;

/**
 * The decoded content of one {@code Binary.content}, taken out of the message while it was read.
 *
 * @param index  position among the message's Binary contents (its marker in the structure)
 * @param file   spool file holding the decoded bytes
 * @param size   decoded size in bytes
 * @param sha256 hex SHA-256 of the decoded bytes
 * @param head   the first bytes (file type check)
 */
public record ExtractedAttachment(int index, Path file, long size, String sha256, byte[] head) {
}
