package org.gpconnect.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How a service's pod receives files from Secrets (PDS token and CA, MESH certificates and secrets): which
 * Secret item a file path comes from, and that every such volume is mounted read-only as a directory, so a
 * rotated Secret reaches the running pod.
 */
final class SecretVolumes {

    private SecretVolumes() {
    }

    /** The pod of a service's Deployment. */
    static PodSpec pod(Rendered r, String deployment) {
        return r.deployment(deployment).getSpec().getTemplate().getSpec();
    }

    static VolumeMount mount(PodSpec pod, String volume) {
        return pod.getContainers().get(0).getVolumeMounts().stream().filter(m -> m.getName().equals(volume)).findFirst()
                .orElseThrow(() -> new AssertionError("no mount of volume " + volume));
    }

    /** The "secret/key" a file path of the pod comes from, if it is an item of a Secret volume mounted read-only as a directory. */
    static Optional<String> secretItemAt(PodSpec pod, String path) {
        for (Volume v : pod.getVolumes()) {
            if (v.getSecret() == null) {
                continue;
            }
            VolumeMount m = mount(pod, v.getName());
            for (KeyToPath item : v.getSecret().getItems()) {
                if ((m.getMountPath() + "/" + item.getPath()).equals(path)) {
                    assertThat(m.getReadOnly()).as("Secret volume %s is mounted read-only", v.getName()).isTrue();
                    assertThat(m.getSubPath()).as("Secret volume %s is mounted as a directory: a subPath mount never sees a rotated file", v.getName()).isNull();
                    return Optional.of(v.getSecret().getSecretName() + "/" + item.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** The items of a Secret volume, as "key → path" (empty when the pod has no such volume). */
    static Map<String, String> items(PodSpec pod, String volume) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(volume)).findFirst()
                .map(v -> v.getSecret().getItems().stream().collect(Collectors.toMap(KeyToPath::getKey, KeyToPath::getPath, (a, b) -> a, TreeMap::new)))
                .orElse(new TreeMap<>());
    }
}
