package org.gpconnect.senddocument.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A downloaded MESH message: its metadata ({@code mex-*} headers, content type) and its body as the chunk
 * files it was spooled to, read back as one stream.
 *
 * @param messageId MESH message id
 * @param metadata  lower-case header name → value
 * @param parts     the chunk files, in order
 * @param size      bytes downloaded (compressed size when the sender compressed)
 */
public record DownloadedMessage(String messageId, Map<String, String> metadata, List<Path> parts, long size) {

    public String header(String name) {
        return metadata.get(name);
    }

    /** The body, chunks joined in order (still compressed if the sender compressed it). */
    public InputStream open() throws IOException {
        Iterator<Path> files = parts.iterator();
        Enumeration<InputStream> streams = new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return files.hasNext();
            }

            @Override
            public InputStream nextElement() {
                try {
                    return Files.newInputStream(files.next());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        return parts.isEmpty() ? InputStream.nullInputStream() : new SequenceInputStream(streams);
    }

    /** Deletes the spool files. */
    public void delete() {
        for (Path part : parts) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the spool directory is cleaned at start-up as well
            }
        }
    }
}
