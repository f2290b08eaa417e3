package org.gpconnect.k8s;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the charts may do with secrets: name existing Secrets, never carry their contents. */
final class Secrets {

    /** Text that only secret material contains: PEM blocks, JAAS lines, key=value passwords, the tests' own marker. */
    static final Pattern MATERIAL = Pattern.compile("(?i)(-----BEGIN|PRIVATE KEY|LoginModule|password\\s*[=:]|SECRET-MARKER)");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Secrets() {
    }

    static void assertNoSecretMaterial(String where, String value) {
        if (value != null) {
            assertThat(MATERIAL.matcher(value).find()).as("%s holds secret material: %s", where, value).isFalse();
        }
    }

    /**
     * Whether a setting with a secret-looking name only names a file of a mounted Secret: its name ends in
     * {@code _FILE} and its value is the path of an item of a Secret volume the pod mounts (read-only).
     */
    static boolean isSecretFile(String name, String value, io.fabric8.kubernetes.api.model.PodSpec pod) {
        if (!name.endsWith("_FILE") || value == null) {
            return false;
        }
        for (io.fabric8.kubernetes.api.model.Volume v : pod.getVolumes()) {
            if (v.getSecret() == null || v.getSecret().getItems() == null) {
                continue;
            }
            for (io.fabric8.kubernetes.api.model.Container c : pod.getContainers()) {
                for (io.fabric8.kubernetes.api.model.VolumeMount m : c.getVolumeMounts()) {
                    if (m.getName().equals(v.getName()) && Boolean.TRUE.equals(m.getReadOnly())
                            && v.getSecret().getItems().stream().anyMatch(i -> (m.getMountPath() + "/" + i.getPath()).equals(value))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Secrets a scenario may read: every value of a key named *Secret (existingSecret, caSecret, saslSecret,
     * clientCertSecret, publicKeySecret, signingKeySecret) or of a secretKeyRef's name in the scenario's
     * values, plus the documented default names of the ones it leaves unset.
     */
    static Set<String> expectedNames(String chartAndScenario) {
        String chart = chartAndScenario.substring(0, chartAndScenario.indexOf('/'));
        String scenario = chartAndScenario.substring(chart.length() + 1);
        Map<String, Object> values = scenario.equals(Charts.DEFAULTS) ? Map.of() : load(chart, scenario);
        Set<String> names = new TreeSet<>();
        collect(values, null, names);
        Map<String, Object> token = nested(nested(values, "global"), "internalToken");
        List<String> services = chart.equals(Charts.UMBRELLA) ? Charts.SERVICES : List.of(chart);
        for (String service : services) {
            Map<String, Object> own = chart.equals(Charts.UMBRELLA) ? nested(values, service) : values;
            if (Boolean.FALSE.equals(own.get("enabled"))) {
                continue;
            }
            if (nested(own, "database").get("existingSecret") == null) {
                names.add(Charts.RELEASE + "-" + service + "-db");
            }
            if (service.equals("spine-gateway") && token.get("signingKeySecret") == null) {
                names.add(Charts.RELEASE + "-internal-token-signing");
            }
            if (!service.equals("spine-gateway") && token.get("publicKeySecret") == null) {
                names.add(Charts.RELEASE + "-internal-token");
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, String key, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            if ("secretKeyRef".equals(key) && map.get("name") instanceof String name) {
                names.add(name);
            }
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (k.endsWith("Secret") && v instanceof String s && !s.isEmpty()) {
                    names.add(s);
                } else {
                    collect(v, k, names);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, key, names));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> nested(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new HashMap<>();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String chart, String scenario) {
        try {
            String text = Files.readString(Charts.source(chart).resolve("ci").resolve(scenario + "-values.yaml"));
            return SERIALIZATION.unmarshal(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
