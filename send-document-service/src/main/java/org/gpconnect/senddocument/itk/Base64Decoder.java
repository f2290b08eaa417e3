package org.gpconnect.senddocument.itk;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Decodes base64 one character at a time into an output stream, so a large {@code Binary.content} is never
 * held whole. Whitespace (line breaks in pretty-printed XML) is skipped; anything else outside the
 * alphabet makes the attachment invalid (send-document.md §3.2: base64 content).
 */
final class Base64Decoder {

    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    private final OutputStream out;
    private final byte[] buffer = new byte[8192];
    private int buffered;
    private int quantum;
    private int quantumLength;
    private int padding;

    Base64Decoder(OutputStream out) {
        this.out = out;
    }

    void accept(int ch) throws IOException {
        if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
            return;
        }
        if (ch == '=') {
            padding++;
            if (quantumLength + padding > 4 || quantumLength < 2) {
                throw invalid();
            }
            return;
        }
        if (padding > 0 || ch >= 128 || VALUES[ch] < 0) {
            throw invalid();
        }
        quantum = (quantum << 6) | VALUES[ch];
        if (++quantumLength == 4) {
            emit((quantum >> 16) & 0xff);
            emit((quantum >> 8) & 0xff);
            emit(quantum & 0xff);
            quantum = 0;
            quantumLength = 0;
        }
    }

    /** Flushes the last quantum; a dangling single character is an error. */
    void finish() throws IOException {
        switch (quantumLength) {
            case 0 -> { }
            case 2 -> emit((quantum >> 4) & 0xff);
            case 3 -> {
                emit((quantum >> 10) & 0xff);
                emit((quantum >> 2) & 0xff);
            }
            default -> throw invalid();
        }
        if (buffered > 0) {
            out.write(buffer, 0, buffered);
            buffered = 0;
        }
    }

    private void emit(int b) throws IOException {
        buffer[buffered++] = (byte) b;
        if (buffered == buffer.length) {
            out.write(buffer, 0, buffered);
            buffered = 0;
        }
    }

    private static ItkRejection invalid() {
        return new ItkRejection(AckCode.PAYLOAD_VALIDATION_FAILURE, "Binary.content is not valid base64");
    }
}
