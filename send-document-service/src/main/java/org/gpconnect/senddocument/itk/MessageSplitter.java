package org.gpconnect.senddocument.itk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;

/**
 * Reads an ITK3 message once, as a stream, and splits it into its <em>structure</em> (the FHIR message
 * with every {@code Binary.content} replaced by a small marker, parsed afterwards with HAPI) and the
 * decoded attachment contents (spooled to files). Only the structure is held in memory, so a 20 MB
 * report costs a few kilobytes of heap. Works on FHIR XML (a byte-level scanner: attribute values, where
 * XML keeps base64, cannot be streamed by StAX/SAX) and FHIR JSON (Jackson's streaming parser).
 */
public final class MessageSplitter {

    /** What a marker decodes to, followed by the attachment index. */
    public static final String MARKER_PREFIX = "gpc-attachment:";

    /** Which FHIR encoding the message used (acknowledgements answer in the same one). */
    public enum Format { XML, JSON }

    /** The result: format, structure bytes, attachments in the order their Binaries appeared. */
    public record SplitMessage(Format format, byte[] structure, List<ExtractedAttachment> attachments) {
    }

    private final long maxStructureBytes;
    private final long maxAttachmentBytes;

    public MessageSplitter(long maxStructureBytes, long maxAttachmentBytes) {
        this.maxStructureBytes = maxStructureBytes;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    /** The marker that stands for attachment {@code index} in the structure (base64 text). */
    public static String marker(int index) {
        return Base64.getEncoder().encodeToString((MARKER_PREFIX + index).getBytes(StandardCharsets.US_ASCII));
    }

    /** The attachment index a Binary's (decoded) content marks, or -1 when it is no marker. */
    public static int markedIndex(byte[] content) {
        if (content == null) {
            return -1;
        }
        String text = new String(content, StandardCharsets.US_ASCII);
        if (!text.startsWith(MARKER_PREFIX)) {
            return -1;
        }
        try {
            return Integer.parseInt(text.substring(MARKER_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public SplitMessage split(InputStream body, Path workDirectory) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body, 4);
        int first = firstSignificantByte(in);
        BoundedBuffer structure = new BoundedBuffer(maxStructureBytes);
        List<ExtractedAttachment> attachments = new ArrayList<>();
        if (first == '<') {
            new XmlScanner(in, structure, workDirectory, attachments).run();
            return new SplitMessage(Format.XML, structure.toByteArray(), attachments);
        }
        if (first == '{') {
            splitJson(in, structure, workDirectory, attachments);
            return new SplitMessage(Format.JSON, structure.toByteArray(), attachments);
        }
        throw new ItkRejection(AckCode.UNREADABLE_MESSAGE, "The message is neither FHIR XML nor FHIR JSON");
    }

    private static int firstSignificantByte(PushbackInputStream in) throws IOException {
        int b = in.read();
        if (b == 0xEF) { // UTF-8 byte order mark
            in.read();
            in.read();
            b = in.read();
        }
        while (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
            b = in.read();
        }
        if (b >= 0) {
            in.unread(b);
        }
        return b;
    }

    private AttachmentSink sink(Path workDirectory, int index) throws IOException {
        return new AttachmentSink(index, workDirectory.resolve("attachment-" + index + ".bin"), maxAttachmentBytes);
    }

    // --- JSON ---------------------------------------------------------------------------------------

    private void splitJson(InputStream in, OutputStream structure, Path workDirectory, List<ExtractedAttachment> attachments)
            throws IOException {
        JsonFactory factory = new JsonFactory();
        try (JsonParser parser = factory.createParser(in);
             JsonGenerator out = factory.createGenerator(structure)) {
            Deque<Boolean> binary = new ArrayDeque<>();
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT -> {
                        binary.push(false);
                        out.writeStartObject();
                    }
                    case END_OBJECT -> {
                        binary.pop();
                        out.writeEndObject();
                    }
                    case FIELD_NAME -> {
                        String name = parser.currentName();
                        out.writeFieldName(name);
                        JsonToken value = parser.nextToken();
                        if (name.equals("resourceType") && value == JsonToken.VALUE_STRING && "Binary".equals(parser.getText())) {
                            binary.pop();
                            binary.push(true);
                            out.copyCurrentEvent(parser);
                        } else if (name.equals("content") && value == JsonToken.VALUE_STRING && Boolean.TRUE.equals(binary.peek())) {
                            int index = attachments.size();
                            try (AttachmentSink sink = sink(workDirectory, index)) {
                                parser.readBinaryValue(sink);
                                attachments.add(sink.finish());
                            } catch (JsonProcessingException e) {
                                throw new ItkRejection(AckCode.PAYLOAD_VALIDATION_FAILURE, "Binary.content is not valid base64");
                            }
                            out.writeString(marker(index));
                        } else if (value == JsonToken.START_OBJECT) {
                            binary.push(false);
                            out.writeStartObject();
                        } else {
                            out.copyCurrentEvent(parser);
                        }
                    }
                    default -> out.copyCurrentEvent(parser);
                }
            }
        } catch (JsonProcessingException e) {
            throw new ItkRejection(AckCode.UNREADABLE_MESSAGE, "The message is not well-formed JSON: " + e.getOriginalMessage());
        }
    }

    // --- XML ----------------------------------------------------------------------------------------

    /** A structure buffer that refuses to grow past the limit (ITK 20015). */
    private static final class BoundedBuffer extends ByteArrayOutputStream {
        private final long max;

        BoundedBuffer(long max) {
            super(16 * 1024);
            this.max = max;
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        private void check(int more) {
            if (count + (long) more > max) {
                throw new ItkRejection(AckCode.MESSAGE_TOO_LARGE,
                        "The message structure (without attachment content) is larger than " + max + " bytes");
            }
        }
    }

    /**
     * Copies XML to the structure byte by byte, except the {@code value} attribute of a {@code content}
     * element directly inside a {@code Binary}, which is base64-decoded into an attachment file. Comments,
     * CDATA and processing instructions are copied; a DOCTYPE is refused (no entity expansion).
     */
    private final class XmlScanner {
        private final InputStream in;
        private final OutputStream out;
        private final Path workDirectory;
        private final List<ExtractedAttachment> attachments;
        private final Deque<String> elements = new ArrayDeque<>();
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;

        XmlScanner(InputStream in, OutputStream out, Path workDirectory, List<ExtractedAttachment> attachments) {
            this.in = in;
            this.out = out;
            this.workDirectory = workDirectory;
            this.attachments = attachments;
        }

        void run() throws IOException {
            int b;
            while ((b = next()) >= 0) {
                if (b != '<') {
                    out.write(b);
                    continue;
                }
                int c = peek();
                if (c == '?') {
                    out.write('<');
                    copyUntil("?>");
                } else if (c == '!') {
                    out.write('<');
                    markup();
                } else if (c == '/') {
                    out.write('<');
                    copyUntil(">");
                    if (!elements.isEmpty()) {
                        elements.pop();
                    }
                } else {
                    startTag();
                }
            }
        }

        private void markup() throws IOException {
            byte[] cdata = "![CDATA[".getBytes(StandardCharsets.US_ASCII);
            byte[] comment = "!--".getBytes(StandardCharsets.US_ASCII);
            if (lookingAt(comment)) {
                copyUntil("-->");
            } else if (lookingAt(cdata)) {
                copyUntil("]]>");
            } else {
                throw new ItkRejection(AckCode.UNREADABLE_MESSAGE, "DOCTYPE and other declarations are not accepted in an ITK message");
            }
        }

        private void startTag() throws IOException {
            out.write('<');
            String name = name();
            String local = name.substring(name.indexOf(':') + 1);
            boolean binaryContent = local.equals("content") && "Binary".equals(elements.peek());
            while (true) {
                int c = next();
                if (c < 0) {
                    throw truncated();
                }
                if (c == '>') {
                    out.write(c);
                    elements.push(local);
                    return;
                }
                if (c == '/') {
                    out.write(c);
                    int gt = next();
                    if (gt != '>') {
                        throw truncated();
                    }
                    out.write(gt);
                    return;
                }
                if (isSpace(c)) {
                    out.write(c);
                    continue;
                }
                position--; // the attribute name starts here
                String attribute = name();
                int eq;
                while (isSpace(eq = next())) {
                    out.write(eq);
                }
                if (eq != '=') {
                    throw truncated();
                }
                out.write(eq);
                int quote;
                while (isSpace(quote = next())) {
                    out.write(quote);
                }
                if (quote != '"' && quote != '\'') {
                    throw truncated();
                }
                out.write(quote);
                if (binaryContent && attribute.equals("value")) {
                    extract(quote);
                } else {
                    int v;
                    while ((v = next()) != quote) {
                        if (v < 0) {
                            throw truncated();
                        }
                        out.write(v);
                    }
                }
                out.write(quote);
            }
        }

        private void extract(int quote) throws IOException {
            int index = attachments.size();
            try (AttachmentSink sink = sink(workDirectory, index)) {
                Base64Decoder decoder = new Base64Decoder(sink);
                int v;
                while ((v = next()) != quote) {
                    if (v < 0) {
                        throw truncated();
                    }
                    if (v == '&') {
                        characterReference();
                        continue;
                    }
                    decoder.accept(v);
                }
                decoder.finish();
                attachments.add(sink.finish());
            }
            out.write(marker(index).getBytes(StandardCharsets.US_ASCII));
        }

        /** Only whitespace character references make sense inside base64 ({@code &#10;}, {@code &#xA;}). */
        private void characterReference() throws IOException {
            StringBuilder reference = new StringBuilder();
            int v;
            while ((v = next()) != ';') {
                if (v < 0 || reference.length() > 8) {
                    throw new ItkRejection(AckCode.PAYLOAD_VALIDATION_FAILURE, "Binary.content is not valid base64");
                }
                reference.append((char) v);
            }
            String r = reference.toString();
            if (!(r.equals("#10") || r.equals("#13") || r.equals("#9") || r.equals("#32")
                    || r.equalsIgnoreCase("#xA") || r.equalsIgnoreCase("#xD") || r.equalsIgnoreCase("#x9") || r.equalsIgnoreCase("#x20"))) {
                throw new ItkRejection(AckCode.PAYLOAD_VALIDATION_FAILURE, "Binary.content is not valid base64");
            }
        }

        private String name() throws IOException {
            StringBuilder name = new StringBuilder();
            int c;
            while ((c = next()) >= 0 && !isSpace(c) && c != '>' && c != '/' && c != '=') {
                name.append((char) c);
                out.write(c);
                if (name.length() > 256) {
                    throw truncated();
                }
            }
            if (c < 0 || name.isEmpty()) {
                throw truncated();
            }
            position--; // leave the delimiter for the caller
            return name.toString();
        }

        private void copyUntil(String end) throws IOException {
            byte[] terminator = end.getBytes(StandardCharsets.US_ASCII);
            int matched = 0;
            int c;
            while ((c = next()) >= 0) {
                out.write(c);
                matched = c == terminator[matched] ? matched + 1 : (c == terminator[0] ? 1 : 0);
                if (matched == terminator.length) {
                    return;
                }
            }
            throw truncated();
        }

        private boolean lookingAt(byte[] text) throws IOException {
            fill(text.length);
            if (limit - position < text.length) {
                return false;
            }
            for (int i = 0; i < text.length; i++) {
                if (buffer[position + i] != text[i]) {
                    return false;
                }
            }
            return true;
        }

        private int next() throws IOException {
            if (position == limit && !refill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        private int peek() throws IOException {
            if (position == limit && !refill()) {
                return -1;
            }
            return buffer[position] & 0xff;
        }

        private boolean refill() throws IOException {
            // keep one byte before the position so that a single step back always works
            if (limit > 0) {
                buffer[0] = buffer[limit - 1];
                position = 1;
                limit = 1;
            }
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read <= 0) {
                return false;
            }
            limit += read;
            return true;
        }

        private void fill(int wanted) throws IOException {
            if (limit - position >= wanted) {
                return;
            }
            System.arraycopy(buffer, position - 1 >= 0 ? position - 1 : 0, buffer, 0, limit - Math.max(0, position - 1));
            limit -= Math.max(0, position - 1);
            position = position > 0 ? 1 : 0;
            while (limit - position < wanted) {
                int read = in.read(buffer, limit, buffer.length - limit);
                if (read <= 0) {
                    return;
                }
                limit += read;
            }
        }

        private static boolean isSpace(int c) {
            return c == ' ' || c == '\n' || c == '\r' || c == '\t';
        }

        private ItkRejection truncated() {
            return new ItkRejection(AckCode.UNREADABLE_MESSAGE, "The message is not well-formed XML");
        }
    }
}
