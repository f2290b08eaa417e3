package org.gpconnect.meshdouble;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One message held by the double: its MESH metadata ({@code mex-*} headers as sent) and its body, kept as
 * the chunks it is downloaded in (send-document.md §2.1: 206 + chunk URLs when there is more than one).
 */
public final class StoredMessage {

    private final String messageId;
    private final String recipient;
    private final Map<String, String> headers;
    private final List<byte[]> chunks;
    private final Instant createdAt;
    private volatile boolean acknowledged;
    private volatile boolean expired;
    private volatile boolean bodyForgotten;

    StoredMessage(String messageId, String recipient, Map<String, String> headers, List<byte[]> chunks) {
        this.messageId = messageId;
        this.recipient = recipient;
        TreeMap<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(headers);
        this.headers = sorted;
        this.chunks = new ArrayList<>(chunks);
        this.createdAt = Instant.now();
    }

    public String messageId() {
        return messageId;
    }

    /** The mailbox whose inbox holds the message. */
    public String recipient() {
        return recipient;
    }

    /** A MESH header of the message ({@code mex-from}, {@code mex-workflowid}, {@code content-type}, ...). */
    public String header(String name) {
        return headers.get(name);
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public String workflowId() {
        return headers.get("mex-workflowid");
    }

    public int chunkCount() {
        return chunks.size();
    }

    byte[] chunk(int number) {
        return chunks.get(number - 1);
    }

    void replaceChunk(int number, byte[] data) {
        while (chunks.size() < number) {
            chunks.add(new byte[0]);
        }
        chunks.set(number - 1, data);
    }

    /** The whole body (all chunks joined), as the sender sent it. */
    public byte[] body() {
        int size = chunks.stream().mapToInt(c -> c.length).sum();
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
        }
        return all;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean acknowledged() {
        return acknowledged;
    }

    void acknowledge() {
        acknowledged = true;
    }

    void redeliver() {
        if (bodyForgotten) {
            throw new IllegalStateException("message " + messageId + " was acknowledged and its body dropped: nothing to redeliver");
        }
        acknowledged = false;
    }

    /** Keeps the headers and the chunk count, drops the bytes (same size list: a concurrent read sees old or empty). */
    void forgetBody() {
        bodyForgotten = true;
        chunks.replaceAll(chunk -> new byte[0]);
    }

    boolean expired() {
        return expired;
    }

    void expire() {
        expired = true;
    }
}
