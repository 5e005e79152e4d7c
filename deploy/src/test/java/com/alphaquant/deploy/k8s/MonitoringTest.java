package com.alphaquant.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

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
 * (Spring Boot, Micrometer's JVM and Kafka client binders, Prometheus, kube-state-metrics), or one
 * of the domain metrics listed in docs/operations.md that the services are to register.
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
    /** Domain metrics the dashboard and alerts expect before every service registers them (docs/operations.md). */
    static final Set<String> PLANNED = Set.of("tushare_calls_total", "tushare_retries_total", "data_rows_ingested_total",
            "factor_compute_duration_seconds_bucket", "model_training_loss", "strategy_signals_published_total");

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
                "jvm_memory_used_bytes", "kafka_consumer_fetch_manager_records_lag_max", "tushare_calls_total", "tushare_retries_total",
                "data_rows_ingested_total", "factor_cache_hits_total", "factor_compute_duration_seconds_bucket", "model_training_loss",
                "strategy_signals_published_total");
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
        Set<String> registered = MeterNames.inSources();
        assertThat(registered).as("meters found in the services' sources").contains("factor_cache_hits_total",
                "model_predictions_published_total", "ingest_jobs_claim_failures_total");
        assertThat(PLANNED).as("a planned metric that is now registered moves out of PLANNED").doesNotContainAnyElementsOf(registered);

        Set<String> unknown = new TreeSet<>();
        for (String expr : expressions()) {
            assertThat(PromQl.balanced(expr)).as(expr).isTrue();
            PromQl.metrics(expr).stream().filter(m -> !registered.contains(m) && !STANDARD.contains(m) && !PLANNED.contains(m))
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
