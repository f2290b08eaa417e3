package org.gpconnect.senddocument.itk;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Receives the decoded bytes of one attachment while the message is read: writes them to a spool file,
 * counts them against the size limit, hashes them and keeps the first bytes (to check the file type).
 */
final class AttachmentSink extends OutputStream {

    static final int HEAD_BYTES = 8;

    private final int index;
    private final Path file;
    private final OutputStream out;
    private final MessageDigest sha256;
    private final long maxBytes;
    private final byte[] head = new byte[HEAD_BYTES];
    private long size;

    AttachmentSink(int index, Path file, long maxBytes) throws IOException {
        this.index = index;
        this.file = file;
        this.maxBytes = maxBytes;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (size + length > maxBytes) {
            throw new ItkRejection(AckCode.MESSAGE_TOO_LARGE,
                    "An attachment is larger than the " + maxBytes + " bytes this practice accepts");
        }
        for (int i = 0; i < length && size + i < HEAD_BYTES; i++) {
            head[(int) size + i] = bytes[offset + i];
        }
        out.write(bytes, offset, length);
        sha256.update(bytes, offset, length);
        size += length;
    }

    ExtractedAttachment finish() throws IOException {
        out.close();
        byte[] first = java.util.Arrays.copyOf(head, (int) Math.min(size, HEAD_BYTES));
        return new ExtractedAttachment(index, file, size, HexFormat.of().formatHex(sha256.digest()), first);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
