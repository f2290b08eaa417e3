package org.gpconnect.senddocument.inbox.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Streams an attachment's content out of its 256 KiB segments, one query per segment as the client reads
 * (back-pressure: the next segment is fetched when the previous one was written), so a download holds one
 * segment in memory whatever the document's size.
 */
@ApplicationScoped
public class AttachmentContent {

    private final Pool pool;

    public AttachmentContent(Pool pool) {
        this.pool = pool;
    }

    public Uni<Integer> segments(UUID attachmentId) {
        return pool.preparedQuery("SELECT count(*) FROM document_attachment_segment WHERE attachment_id = $1")
                .execute(Tuple.of(attachmentId)).map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    public Multi<byte[]> stream(UUID attachmentId, int segments) {
        return Multi.createFrom().range(0, segments).onItem().transformToUniAndConcatenate(seq -> pool
                .preparedQuery("SELECT data FROM document_attachment_segment WHERE attachment_id = $1 AND seq = $2")
                .execute(Tuple.of(attachmentId, seq))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return row.getBuffer(0).getBytes();
                }));
    }
}
