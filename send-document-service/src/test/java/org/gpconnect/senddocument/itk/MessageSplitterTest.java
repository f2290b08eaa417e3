package org.gpconnect.senddocument.itk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming split of an ITK message into structure and attachments (send-document.md §3.2: base64
 * Binary content): XML and JSON, comments and CDATA untouched, base64 broken over lines, limits.
 */
class MessageSplitterTest {

    private final MessageSplitter splitter = new MessageSplitter(64 * 1024, 10 * 1024 * 1024);

    @Test
    void xmlBinaryContentGoesToAFileAndAMarkerStaysInTheStructure() throws Exception {
        byte[] pdf = "%PDF-1.4 hello".getBytes(StandardCharsets.US_ASCII);
        String base64 = Base64.getMimeEncoder(4, "\n".getBytes()).encodeToString(pdf);
        String xml = "<?xml version=\"1.0\"?><Bundle xmlns=\"http://hl7.org/fhir\"><!-- <content value=\"no\"/> -->"
                + "<entry><resource><Binary><id value='b1'/><contentType value=\"application/pdf\"/>"
                + "<content value=\"" + base64.replace("\n", "&#10;") + "\"/></Binary></resource></entry>"
                + "<entry><resource><DocumentReference><content><attachment><title value=\"x > y\"/></attachment></content>"
                + "</DocumentReference></resource></entry><![CDATA[<content value=\"z\"/>]]></Bundle>";
        Path dir = Files.createTempDirectory("split");
        MessageSplitter.SplitMessage split = splitter.split(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), dir);

        assertThat(split.format()).isEqualTo(MessageSplitter.Format.XML);
        assertThat(split.attachments()).hasSize(1);
        assertThat(Files.readAllBytes(split.attachments().get(0).file())).isEqualTo(pdf);
        String structure = new String(split.structure(), StandardCharsets.UTF_8);
        assertThat(structure).contains("<content value=\"" + MessageSplitter.marker(0) + "\"/>")
                .contains("<!-- <content value=\"no\"/> -->").contains("<![CDATA[<content value=\"z\"/>]]>")
                .contains("<title value=\"x > y\"/>");
        assertThat(MessageSplitter.markedIndex(Base64.getDecoder().decode(MessageSplitter.marker(0)))).isZero();
    }

    @Test
    void jsonBinaryContentIsStreamedToo() throws Exception {
        byte[] pdf = "%PDF-1.7 json".getBytes(StandardCharsets.US_ASCII);
        String json = "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Binary\",\"contentType\":\"application/pdf\","
                + "\"content\":\"" + Base64.getEncoder().encodeToString(pdf) + "\"}},"
                + "{\"resource\":{\"resourceType\":\"CodeSystem\",\"content\":\"complete\"}}]}";
        MessageSplitter.SplitMessage split = splitter.split(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                Files.createTempDirectory("split"));
        assertThat(split.format()).isEqualTo(MessageSplitter.Format.JSON);
        assertThat(split.attachments()).hasSize(1);
        assertThat(Files.readAllBytes(split.attachments().get(0).file())).isEqualTo(pdf);
        assertThat(new String(split.structure(), StandardCharsets.UTF_8)).contains("\"content\":\"complete\"");
    }

    @Test
    void aLargeAttachmentNeverEntersTheStructure() throws Exception {
        // 8 MB of base64 in a message whose structure may hold 64 KB
        byte[] chunk = Base64.getEncoder().encode(new byte[3 * 1024]);
        List<InputStream> parts = new java.util.ArrayList<>();
        parts.add(new ByteArrayInputStream("<Bundle><Binary><content value=\"".getBytes(StandardCharsets.US_ASCII)));
        for (int i = 0; i < 2048; i++) {
            parts.add(new ByteArrayInputStream(chunk));
        }
        parts.add(new ByteArrayInputStream("\"/></Binary></Bundle>".getBytes(StandardCharsets.US_ASCII)));
        MessageSplitter.SplitMessage split = splitter.split(new SequenceInputStream(Collections.enumeration(parts)),
                Files.createTempDirectory("split"));
        assertThat(split.attachments().get(0).size()).isEqualTo(2048L * 3 * 1024);
        assertThat(split.structure().length).isLessThan(200);
    }

    @Test
    void limitsAndBrokenInputAreRejectedWithTheirCodes() throws Exception {
        Path dir = Files.createTempDirectory("split");
        assertThatThrownBy(() -> new MessageSplitter(100, 1000).split(stream("<Bundle>" + "x".repeat(200) + "</Bundle>"), dir))
                .isInstanceOfSatisfying(ItkRejection.class, r -> assertThat(r.code()).isEqualTo(AckCode.MESSAGE_TOO_LARGE));
        String big = Base64.getEncoder().encodeToString(new byte[2000]);
        assertThatThrownBy(() -> new MessageSplitter(10_000, 1000).split(stream("<Binary><content value=\"" + big + "\"/></Binary>"), dir))
                .isInstanceOfSatisfying(ItkRejection.class, r -> assertThat(r.code()).isEqualTo(AckCode.MESSAGE_TOO_LARGE));
        assertThatThrownBy(() -> splitter.split(stream("<Binary><content value=\"@@@@\"/></Binary>"), dir))
                .isInstanceOfSatisfying(ItkRejection.class, r -> assertThat(r.code()).isEqualTo(AckCode.PAYLOAD_VALIDATION_FAILURE));
        assertThatThrownBy(() -> splitter.split(stream("<Bundle><entry"), dir))
                .isInstanceOfSatisfying(ItkRejection.class, r -> assertThat(r.code()).isEqualTo(AckCode.UNREADABLE_MESSAGE));
        assertThatThrownBy(() -> splitter.split(stream("%PDF-1.4 a bare PDF"), dir))
                .isInstanceOfSatisfying(ItkRejection.class, r -> assertThat(r.code()).isEqualTo(AckCode.UNREADABLE_MESSAGE));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
