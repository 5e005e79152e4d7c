package com.alphaquant.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * k8s/monitoring: the PodMonitor scrapes every service, the alert rules and the Grafana dashboard
 * are well formed, and every metric they query exists: registered by the services' code, standard
 * (Spring Boot, Micrometer's JVM and Kafka client binders, Prometheus, kube-state-metrics). The
 * services' own meters are listed in docs/observability.md.
 */
class MonitoringTest {

    private static final Path MONITORING = CheckedRender.K8S.resolve("monitoring");
    /** Standard series: Prometheus' own, Spring Boot's HTTP server timer, Micrometer binders, kube-state-metrics. */
    static final Set<String> STANDARD = Set.of("up",
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "http_server_requests_seconds_bucket",
            "jvm_memory_used_bytes", "jvm_memory_max_bytes", "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_count",
            "process_cpu_usage", "system_cpu_count",
            "kafka_consumer_fetch_manager_records_lag_max", "kafka_producer_topic_record_send_total",
            "kube_deployment_status_replicas_unavailable");
    private static final String HISTOGRAM = "management.metrics.distribution.percentiles-histogram.";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dashboard() throws IOException {
        return (Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(Files.readString(MONITORING.resolve("alphaquant-dashboard.json")));
    }

    private static List<Map<String, Object>> panels(Map<String, Object> dashboard) {
        return Yaml.list(dashboard.get("panels"), "panels").stream().map(p -> Yaml.map(p, "panel"))
                .filter(p -> !"row".equals(p.get("type"))).toList();
    }

    private static List<HasMetadata> monitoringObjects() {
        List<String> problems = new ArrayList<>();
        List<HasMetadata> objects = TypedManifests.typed(Kustomize.render(MONITORING), problems);
        assertThat(problems).isEmpty();
        return objects;
    }

    private static PrometheusRule rules() {
        return monitoringObjects().stream().filter(PrometheusRule.class::isInstance).map(PrometheusRule.class::cast).findFirst().orElseThrow();
    }

    /**
     * The meters whose histograms every overlay turns on, through the SPRING_APPLICATION_JSON of
     * the ConfigMap alphaquant-common: only these have _bucket series to take quantiles of.
     */
    private static Set<String> histograms() {
        Set<String> everywhere = null;
        for (Path overlay : CheckedRender.overlays()) {
            ConfigMap common = CheckedRender.of(overlay).cluster().find(ConfigMap.class, "alphaquant-common").orElseThrow();
            Map<String, Object> json = new org.yaml.snakeyaml.Yaml().load(common.getData().get("SPRING_APPLICATION_JSON"));
            Set<String> on = new TreeSet<>();
            json.forEach((key, value) -> {
                if (key.startsWith(HISTOGRAM) && Boolean.TRUE.equals(value)) {
                    on.add(key.substring(HISTOGRAM.length()));
                }
            });
            if (everywhere == null) {
                everywhere = on;
            } else {
                everywhere.retainAll(on);
            }
        }
        return everywhere;
    }

    private static List<String> expressions() throws IOException {
        List<String> exprs = new ArrayList<>();
        rules().getSpec().getGroups().forEach(g -> g.getRules().forEach(r -> exprs.add(r.getExpr().getStrVal())));
        for (Map<String, Object> panel : panels(dashboard())) {
            Yaml.list(panel.get("targets"), "targets").forEach(t -> exprs.add(String.valueOf(Yaml.map(t, "target").get("expr"))));
        }
        return exprs;
    }

    @Test
    void thePodMonitorScrapesEveryServiceOnItsHttpPort() {
        PodMonitor monitor = monitoringObjects().stream().filter(PodMonitor.class::isInstance).map(PodMonitor.class::cast).findFirst().orElseThrow();
        for (Path overlay : CheckedRender.overlays()) {
            Cluster cluster = CheckedRender.of(overlay).cluster();
            var selector = new io.fabric8.kubernetes.api.model.LabelSelector(List.of(), monitor.getSpec().getSelector().getMatchLabels());
            Set<String> scraped = new TreeSet<>();
            cluster.selected(selector).stream()
                    .filter(w -> monitor.getSpec().getPodMetricsEndpoints().stream().anyMatch(e -> w.declaresPort(e.getPort())))
                    .forEach(w -> scraped.add(w.name()));
            assertThat(scraped).as(overlay.toString()).containsExactlyInAnyOrderElementsOf(PlatformRules.SERVICES);
        }
        assertThat(monitor.getSpec().getPodMetricsEndpoints()).allSatisfy(e -> assertThat(e.getPath()).isEqualTo("/actuator/prometheus"));
    }

    @Test
    void everyAlertHasASeverityASummaryAndADescription() {
        List<Rule> alerts = rules().getSpec().getGroups().stream().flatMap(g -> g.getRules().stream()).toList();

        assertThat(alerts).extracting(Rule::getAlert).contains("AlphaQuantServiceDown", "AlphaQuantHigh5xxRate",
                "AlphaQuantHighLatencyP99", "AlphaQuantConsumerLagHigh", "AlphaQuantDeadLetters", "TushareRateLimited",
                "TushareDailyLimitReached").doesNotHaveDuplicates();
        assertThat(alerts).allSatisfy(r -> {
            assertThat(r.getLabels()).containsKey("severity");
            assertThat(r.getLabels().get("severity")).isIn("critical", "warning");
            assertThat(r.getAnnotations()).containsKeys("summary", "description");
            assertThat(r.getFor() == null || r.getFor().matches("\\d+[smh]")).as(r.getAlert() + " for").isTrue();
        });
    }

    @Test
    void theDashboardShowsEveryAreaWithQueriesAndEmptyStates() throws IOException {
        Map<String, Object> dashboard = dashboard();
        List<Map<String, Object>> panels = panels(dashboard);

        assertThat(dashboard.get("uid")).isEqualTo("alphaquant");
        assertThat(Yaml.list(Yaml.at(dashboard, "templating", "list"), "templating")).extracting(v -> Yaml.map(v, "variable").get("name"))
                .contains("datasource", "namespace", "application");
        assertThat(panels).allSatisfy(p -> {
            assertThat(p.get("title")).isNotNull();
            assertThat(p.get("description")).isNotNull();
            assertThat(Yaml.at(p, "datasource", "uid")).isEqualTo("${datasource}");
            assertThat(Yaml.at(p, "fieldConfig", "defaults", "noValue")).as(p.get("title") + ": the empty state").isNotNull();
            assertThat(Yaml.list(p.get("targets"), "targets")).isNotEmpty();
        });
        assertThat(panels).extracting(p -> p.get("id")).doesNotHaveDuplicates();
        // Every area of the dashboard has a panel: traffic, JVM, Kafka and the domain.
        String queries = String.join("\n", expressions());
        assertThat(queries).contains("http_server_requests_seconds_count", "http_server_requests_seconds_bucket", "status=~\"5..\"",
                "jvm_memory_used_bytes", "kafka_consumer_fetch_manager_records_lag_max", "alphaquant_tushare_calls_total",
                "alphaquant_tushare_retries_total", "alphaquant_ingest_rows_total", "alphaquant_factor_cache_total",
                "alphaquant_factor_compute_seconds_bucket", "alphaquant_model_training_loss", "alphaquant_signals_published_total",
                "alphaquant_jobs_claim_failures_total");
    }

    @Test
    void panelsDoNotOverlap() throws IOException {
        List<int[]> boxes = new ArrayList<>();
        for (Object p : Yaml.list(dashboard().get("panels"), "panels")) {
            Map<String, Object> g = Yaml.map(Yaml.map(p, "panel").get("gridPos"), "gridPos");
            int[] box = {(Integer) g.get("x"), (Integer) g.get("y"), (Integer) g.get("w"), (Integer) g.get("h")};
            assertThat(box[0] + box[2]).as("within Grafana's 24 columns").isLessThanOrEqualTo(24);
            for (int[] other : boxes) {
                boolean apart = box[0] + box[2] <= other[0] || other[0] + other[2] <= box[0]
                        || box[1] + box[3] <= other[1] || other[1] + other[3] <= box[1];
                assertThat(apart).as("panel at %s,%s overlaps one at %s,%s", box[0], box[1], other[0], other[1]).isTrue();
            }
            boxes.add(box);
        }
    }

    @Test
    void everyQueriedMetricExists() throws IOException {
        Set<String> histograms = histograms();
        assertThat(histograms).contains("http.server.requests", "alphaquant.factor.compute");
        Set<String> registered = MeterNames.inSources(histograms);
        // One of each way the services register a meter: builder, registry shorthand, observation.
        assertThat(registered).as("meters found in the services' sources").contains("alphaquant_factor_cache_total",
                "alphaquant_factor_compute_seconds_bucket", "alphaquant_tushare_retries_total", "alphaquant_outbox_relay_seconds_count",
                "alphaquant_jobs_claim_failures_total", "alphaquant_model_training_loss")
                .doesNotContain("alphaquant_outbox_relay_seconds_bucket");

        Set<String> unknown = new TreeSet<>();
        for (String expr : expressions()) {
            assertThat(PromQl.balanced(expr)).as(expr).isTrue();
            PromQl.metrics(expr).stream().filter(m -> !registered.contains(m) && !STANDARD.contains(m))
                    .forEach(unknown::add);
        }
        assertThat(unknown).as("metrics queried that nothing registers").isEmpty();
    }

    @Test
    void promQlMetricNamesAreFoundInsideFunctionsAndAggregations() {
        assertThat(PromQl.metrics("sum by (a, le) (rate(x_total{job=\"a{b}\", s=~\"5..\"}[5m])) / on(a) group_left y > 0.5"))
                .containsExactly("x_total", "y");
        assertThat(PromQl.balanced("sum(rate(x[5m])")).isFalse();
    }
}
