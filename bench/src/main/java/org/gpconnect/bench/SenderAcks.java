package org.gpconnect.bench;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sender's side of the ITK3 acknowledgements: reads its MESH inbox as its MESH client would, matches
 * each response to the report it answers (MessageHeader.response.identifier = the report's MessageHeader.id)
 * and acknowledges it in MESH. Plain text matching: the responses are small FHIR XML Bundles.
 */
final class SenderAcks {

    private static final Pattern RESPONDS_TO = Pattern.compile("<response>\\s*<identifier value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("<code value=\"(\\d{5})\"");

    private final MeshMailbox sender;

    SenderAcks(MeshMailbox sender) {
        this.sender = sender;
    }

    /** Acknowledges what is waiting from earlier runs, so that this run reads only its own responses. */
    int drain() throws Exception {
        int drained = 0;
        for (String id : sender.inbox()) {
            sender.acknowledge(id);
            drained++;
        }
        return drained;
    }

    /** One look at the inbox: stamps 20013/30001 on the reports they answer; any other code is a failure. */
    void poll(Map<String, ReportTimeline> byHeaderId) throws Exception {
        for (String id : sender.inbox()) {
            String body = sender.download(id);
            long now = System.nanoTime();
            sender.acknowledge(id);
            Matcher respondsTo = RESPONDS_TO.matcher(body);
            Matcher code = CODE.matcher(body);
            if (!respondsTo.find() || !code.find()) {
                continue; // not an ITK response of ours
            }
            ReportTimeline timeline = byHeaderId.get(respondsTo.group(1));
            if (timeline == null) {
                continue;
            }
            switch (code.group(1)) {
                case "20013" -> timeline.infrastructureAck = now;
                case "30001" -> timeline.businessAck = now;
                default -> timeline.fail("ITK response " + code.group(1));
            }
        }
    }
}
