package org.gpconnect.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * fabric8 accepts fields it does not know into each object's additionalProperties; a typo such as
 * `contianerPort` would pass a typed parse unnoticed. This walker visits every typed object through its
 * getters and reports every non-empty additionalProperties, with its path: kubeconform's -strict, offline.
 */
public final class UnknownFields {

    private UnknownFields() {
    }

    public static List<String> of(KubernetesResource resource) {
        List<String> found = new ArrayList<>();
        if (!(resource instanceof GenericKubernetesResource)) {
            walk(resource, "", found);
        }
        return found;
    }

    private static void walk(Object node, String path, List<String> found) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, found));
            return;
        }
        if (!(node instanceof KubernetesResource)) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (field.equals("additionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add((path.isEmpty() ? "" : path + " ") + "unknown " + extra.keySet());
                }
            } else if (!(node instanceof ObjectMeta && (field.equals("labels") || field.equals("annotations")))) {
                walk(value, path.isEmpty() ? field : path + "." + field, found);
            }
        }
    }
}
