package com.alphaquant.deploy.k8s;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which workloads the NetworkPolicies let traffic reach from outside the namespace. A pod no
 * ingress policy selects is open to all; a selected pod admits what the union of its policies'
 * rules admit. A rule without sources, an ipBlock or another namespace counts as outside, except
 * Prometheus: a rule from the monitoring namespace to the metrics port alone.
 */
final class NetworkExposure {

    static final Map<String, String> MONITORING_NAMESPACE = Map.of("kubernetes.io/metadata.name", "monitoring");
    static final String METRICS_PORT = "http";

    private NetworkExposure() {
    }

    /** Names of the workloads (Deployments and StatefulSets) reachable from outside the namespace. */
    static Set<String> exposed(Cluster cluster) {
        List<NetworkPolicy> ingressPolicies = cluster.all(NetworkPolicy.class).stream()
                .filter(p -> p.getSpec().getPolicyTypes() == null || p.getSpec().getPolicyTypes().isEmpty()
                        || p.getSpec().getPolicyTypes().contains("Ingress"))
                .toList();
        Set<String> exposed = new TreeSet<>();
        for (Cluster.Workload w : cluster.workloads()) {
            if ("Job".equals(w.kind())) {
                continue; // serves nothing
            }
            List<NetworkPolicy> selecting = ingressPolicies.stream()
                    .filter(p -> Cluster.matches(p.getSpec().getPodSelector(), w.podLabels())).toList();
            boolean open = selecting.isEmpty() || selecting.stream()
                    .flatMap(p -> p.getSpec().getIngress().stream()).anyMatch(NetworkExposure::fromOutside);
            if (open) {
                exposed.add(w.name());
            }
        }
        return exposed;
    }

    /** Whether some policy selects every pod and admits nothing: the namespace's default deny. */
    static boolean deniesByDefault(Cluster cluster) {
        return cluster.all(NetworkPolicy.class).stream().anyMatch(p -> empty(p.getSpec().getPodSelector())
                && p.getSpec().getPolicyTypes().contains("Ingress") && p.getSpec().getIngress().isEmpty());
    }

    static boolean fromOutside(NetworkPolicyIngressRule rule) {
        if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
            return true;
        }
        return rule.getFrom().stream().anyMatch(peer -> outside(peer, rule));
    }

    private static boolean outside(NetworkPolicyPeer peer, NetworkPolicyIngressRule rule) {
        if (peer.getIpBlock() != null) {
            return true;
        }
        if (peer.getNamespaceSelector() == null) {
            return false; // pods of this namespace
        }
        boolean monitoring = MONITORING_NAMESPACE.equals(peer.getNamespaceSelector().getMatchLabels())
                && (peer.getNamespaceSelector().getMatchExpressions() == null || peer.getNamespaceSelector().getMatchExpressions().isEmpty());
        boolean metricsOnly = rule.getPorts() != null && !rule.getPorts().isEmpty()
                && rule.getPorts().stream().allMatch(p -> p.getPort() != null && METRICS_PORT.equals(p.getPort().getStrVal()));
        return !(monitoring && metricsOnly);
    }

    static boolean empty(LabelSelector selector) {
        return selector == null || (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }
}
