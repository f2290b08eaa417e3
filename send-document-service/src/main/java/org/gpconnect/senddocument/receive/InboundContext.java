package org.gpconnect.senddocument.receive;

import java.util.UUID;
import org.gpconnect.senddocument.config.MailboxRegistry.PracticeMailbox;

/**
 * One processing attempt of one MESH message: where it came from, who holds its claim, and the MESH
 * metadata of the download.
 *
 * @param messageId  MESH message id
 * @param mailbox    the practice mailbox it is in
 * @param documentId the id reserved for it at the first claim (kept across retries)
 * @param instance   the claim holder (this replica)
 * @param traceId    trace id of the attempt (logs and events)
 * @param from       mex-from: the sender's mailbox, where acks go
 * @param to         mex-to as the sender addressed it
 * @param subject    mex-subject: the workflow item's display text
 * @param localId    mex-localid: the sender's ODS code
 * @param workflowId mex-workflowid
 */
public record InboundContext(String messageId, PracticeMailbox mailbox, UUID documentId, String instance, String traceId,
                             String from, String to, String subject, String localId, String workflowId) {
}
