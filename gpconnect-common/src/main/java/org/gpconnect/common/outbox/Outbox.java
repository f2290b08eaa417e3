package org.gpconnect.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Appends events to the outbox inside the caller's open reactive transaction, so the event exists if and
 * only if the change it describes was committed. {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Adds an event to the current transaction. Must be called inside {@code @WithTransaction} (or
     * {@code Panache.withTransaction}).
     */
    public Uni<Void> append(String topic, String key, String type, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.topic = topic;
        event.eventKey = key;
        event.eventType = type;
        event.payload = serialise(payload);
        event.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return Panache.getSession().chain(session -> session.persist(event));
    }

    private String serialise(Object payload) {
        try {
            return payload instanceof String s ? s : json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON", e);
        }
    }
}
