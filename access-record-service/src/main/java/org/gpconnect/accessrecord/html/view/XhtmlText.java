package org.gpconnect.accessrecord.html.view;

/**
 * Makes recorded text fit for the XHTML of a view. Escaping is the template's job (Qute escapes every value
 * of an {@code .html} template); what it cannot do is drop characters XML 1.0 does not allow at all (most
 * C0 controls), which would make the narrative unparseable, or tabs and line breaks, which §4 forbids
 * anywhere in the div.
 */
final class XhtmlText {

    private XhtmlText() {
    }

    static String clean(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (c == '\t' || c == '\r' || c == '\n') {
                out.append(' ');
            } else if (allowedInXml(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString().strip();
    }

    private static boolean allowedInXml(int c) {
        return c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }
}
