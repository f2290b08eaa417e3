package org.gpconnect.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of a chart as documented in its values.yaml: every key preceded by a `# --` comment (helm-docs'
 * convention; following `#` lines continue the description), with its type and default. Renders the
 * values table of the chart's README, between the markers {@value #BEGIN} and {@value #END}.
 */
public final class ValuesDoc {

    public static final String BEGIN = "<!-- values:begin (generated from values.yaml by k8s-tests; do not edit) -->";
    public static final String END = "<!-- values:end -->";

    public record Entry(String key, String type, String defaultJson, String description) {
    }

    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_.\\-]+):(.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ValuesDoc() {
    }

    /** Documented keys in file order. */
    public static List<Entry> entries(Path valuesYaml) {
        String text = read(valuesYaml);
        Map<String, Object> values = values(text);
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, String> doc : documented(text).entrySet()) {
            Object value = lookup(values, doc.getKey());
            entries.add(new Entry(doc.getKey(), type(value), json(value), doc.getValue()));
        }
        return entries;
    }

    /** Keys with a `# --` comment, in file order, with their description. */
    public static Map<String, String> documented(String text) {
        Map<String, String> docs = new LinkedHashMap<>();
        Deque<Object[]> stack = new ArrayDeque<>(); // {indent, key}
        StringBuilder pending = null;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# --")) {
                pending = new StringBuilder(trimmed.substring(4).strip());
                continue;
            }
            if (trimmed.startsWith("#")) {
                if (pending != null) {
                    pending.append(' ').append(trimmed.substring(1).strip());
                }
                continue;
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            Matcher m = KEY.matcher(line);
            if (!m.matches() || trimmed.startsWith("- ")) {
                pending = null;
                continue;
            }
            int indent = m.group(1).length();
            while (!stack.isEmpty() && (int) stack.peek()[0] >= indent) {
                stack.pop();
            }
            stack.push(new Object[]{indent, m.group(2)});
            if (pending != null) {
                List<String> path = new ArrayList<>();
                stack.descendingIterator().forEachRemaining(e -> path.add((String) e[1]));
                docs.put(String.join(".", path), pending.toString().strip());
            }
            pending = null;
        }
        return docs;
    }

    /** Every leaf of the values (scalar, list, empty map), as a dotted path. */
    public static List<String> leaves(Map<String, Object> values) {
        List<String> leaves = new ArrayList<>();
        collectLeaves(values, "", leaves);
        return leaves;
    }

    @SuppressWarnings("unchecked")
    private static void collectLeaves(Map<String, Object> map, String prefix, List<String> leaves) {
        map.forEach((k, v) -> {
            String path = prefix.isEmpty() ? k : prefix + "." + k;
            if (v instanceof Map<?, ?> m && !m.isEmpty()) {
                collectLeaves((Map<String, Object>) m, path, leaves);
            } else {
                leaves.add(path);
            }
        });
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> values(String text) {
        Map<String, Object> values = new KubernetesSerialization().unmarshal(text, Map.class);
        return values == null ? Map.of() : values;
    }

    @SuppressWarnings("unchecked")
    static Object lookup(Map<String, Object> values, String path) {
        Object node = values;
        for (String part : path.split("\\.")) {
            node = ((Map<String, Object>) node).get(part);
        }
        return node;
    }

    private static String type(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (value instanceof Integer || value instanceof Long) {
            return "int";
        } else if (value instanceof Number) {
            return "float";
        } else if (value instanceof List) {
            return "list";
        }
        return "object";
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The README's values table. */
    public static String table(Path valuesYaml) {
        StringBuilder out = new StringBuilder(BEGIN).append("\n| Key | Type | Default | Description |\n|-----|------|---------|-------------|\n");
        for (Entry e : entries(valuesYaml)) {
            out.append("| `").append(e.key()).append("` | ").append(e.type()).append(" | `")
                    .append(e.defaultJson().replace("|", "\\|")).append("` | ")
                    .append(e.description().replace("|", "\\|")).append(" |\n");
        }
        return out.append(END).toString();
    }

    /** The README with its values table replaced by the one generated now. */
    public static String withTable(String readme, Path valuesYaml) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("README has no values table markers: " + BEGIN + " ... " + END);
        }
        return readme.substring(0, begin) + table(valuesYaml) + readme.substring(end + END.length());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
