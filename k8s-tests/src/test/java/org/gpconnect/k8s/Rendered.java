package org.gpconnect.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One `helm template` output, split into documents and parsed into fabric8's typed models. */
public final class Rendered {

    /** Kinds the charts may render; anything else fails the parse. */
    static final Set<String> KNOWN_KINDS = Set.of("Deployment", "Service", "ConfigMap", "ServiceAccount",
            "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "Ingress", "Pod", "Job", "ServiceMonitor", "PrometheusRule");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern SOURCE = Pattern.compile("^# Source: (\\S+)", Pattern.MULTILINE);

    public final String name;
    public final String yaml;
    /** Every resource, with the template it came from. */
    public final Map<HasMetadata, String> sources = new LinkedHashMap<>();

    private Rendered(String name, String yaml) {
        this.name = name;
        this.yaml = yaml;
    }

    static Rendered parse(String name, String yaml) {
        Rendered rendered = new Rendered(name, yaml);
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            Matcher source = SOURCE.matcher(doc);
            String template = source.find() ? source.group(1) : "?";
            String body = doc.replaceAll("(?m)^#.*$", "").trim();
            if (body.isEmpty()) {
                continue;
            }
            HasMetadata resource;
            try {
                resource = SERIALIZATION.unmarshal(body);
            } catch (RuntimeException e) {
                throw new AssertionError(name + ": " + template + " does not parse as a Kubernetes resource: " + e.getMessage() + "\n" + body, e);
            }
            if (!KNOWN_KINDS.contains(resource.getKind())) {
                throw new AssertionError(name + ": " + template + " renders an unexpected kind " + resource.getKind());
            }
            rendered.sources.put(resource, template);
        }
        return rendered;
    }

    public List<HasMetadata> all() {
        return new ArrayList<>(sources.keySet());
    }

    public <T extends HasMetadata> List<T> of(Class<T> type) {
        return sources.keySet().stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<Deployment> deployments() {
        return of(Deployment.class);
    }

    public List<Service> services() {
        return of(Service.class);
    }

    public List<ConfigMap> configMaps() {
        return of(ConfigMap.class);
    }

    public List<ServiceAccount> serviceAccounts() {
        return of(ServiceAccount.class);
    }

    public List<HorizontalPodAutoscaler> hpas() {
        return of(HorizontalPodAutoscaler.class);
    }

    public List<PodDisruptionBudget> pdbs() {
        return of(PodDisruptionBudget.class);
    }

    public List<NetworkPolicy> networkPolicies() {
        return of(NetworkPolicy.class);
    }

    public List<Ingress> ingresses() {
        return of(Ingress.class);
    }

    public List<Pod> pods() {
        return of(Pod.class);
    }

    public List<Job> jobs() {
        return of(Job.class);
    }

    public List<GenericKubernetesResource> serviceMonitors() {
        return of(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals("ServiceMonitor")).toList();
    }

    public Deployment deployment(String name) {
        return deployments().stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(this.name + ": no Deployment " + name));
    }

    public ConfigMap configMap(String name) {
        return configMaps().stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(this.name + ": no ConfigMap " + name));
    }

    /** Every pod template: Deployments, Jobs and bare (test) Pods, with a label for messages. */
    public Map<String, PodSpec> podSpecs() {
        Map<String, PodSpec> specs = new LinkedHashMap<>();
        deployments().forEach(d -> specs.put("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate().getSpec()));
        jobs().forEach(j -> specs.put("Job/" + j.getMetadata().getName(), j.getSpec().getTemplate().getSpec()));
        pods().forEach(p -> specs.put("Pod/" + p.getMetadata().getName(), p.getSpec()));
        return specs;
    }

    /** Labels of every pod that can exist: Deployment templates, Job templates, test Pods. */
    public Map<String, Map<String, String>> podLabels() {
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        deployments().forEach(d -> labels.put("Deployment/" + d.getMetadata().getName(), template(d.getSpec().getTemplate())));
        jobs().forEach(j -> labels.put("Job/" + j.getMetadata().getName(), template(j.getSpec().getTemplate())));
        pods().forEach(p -> labels.put("Pod/" + p.getMetadata().getName(), p.getMetadata().getLabels()));
        return labels;
    }

    private static Map<String, String> template(PodTemplateSpec template) {
        return template.getMetadata().getLabels();
    }

    @Override
    public String toString() {
        return name;
    }
}
