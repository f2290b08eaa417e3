package org.gpconnect.pdsdouble;

import java.util.List;

/** Just enough of a JSON writer for the double's answers: objects, arrays and string values, commas handled. */
final class Json {

    private final StringBuilder out = new StringBuilder(512);
    /** Whether the next value in the current container needs a comma before it. */
    private boolean comma;

    Json open() {
        separate();
        out.append('{');
        comma = false;
        return this;
    }

    Json close() {
        out.append('}');
        comma = true;
        return this;
    }

    Json openArray() {
        separate();
        out.append('[');
        comma = false;
        return this;
    }

    Json closeArray() {
        out.append(']');
        comma = true;
        return this;
    }

    /** A member name; the value follows. */
    Json name(String name) {
        separate();
        string(name);
        out.append(':');
        comma = false;
        return this;
    }

    Json field(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        comma = true;
        return this;
    }

    Json strings(List<String> values) {
        openArray();
        for (String value : values) {
            separate();
            string(value);
            comma = true;
        }
        return closeArray();
    }

    private void separate() {
        if (comma) {
            out.append(',');
        }
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
