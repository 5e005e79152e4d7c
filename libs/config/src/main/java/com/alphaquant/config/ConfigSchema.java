package com.alphaquant.config;

import com.alphaquant.config.ConfigKey.Range;
import com.alphaquant.config.ConfigKey.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every key {@code alpha_config.yaml} may hold. Each one is a property some service or the CLI
 * reads (its {@code @ConfigurationProperties} record or {@code @Value}); the defaults repeat
 * the readers' own (application.yml, the records' defaults, BacktestSpec.Defaults) so that
 * {@code alphaquant config} can show them.
 */
public final class ConfigSchema {

    public static final String ROOT = "alphaquant";

    /** The presets of libs/strategy (presets/*.yml) a strategy list may name. */
    static final List<String> STRATEGY_PRESETS = List.of("multi_factor", "multi_factor_conservative", "multi_factor_aggressive");
    /** The gateway's routes, each with its own timeout. */
    public static final List<String> ROUTES = List.of("data", "factors", "models", "backtests", "strategies");

    private static final Pattern URL = Pattern.compile("https?://[^\\s/]+(/\\S*)?");
    private static final String URL_HINT = "an http(s) URL such as http://localhost:8081";

    private static final Map<String, ConfigKey> KEYS = new LinkedHashMap<>();

    static {
        // data: data-service, and the CLI's choice of Tushare or the simulator
        add(key("data.provider", Type.CHOICE).choices("auto", "tushare", "simulator").def("auto").by("cli: up, ingest")
                .doc("auto: Tushare when TUSHARE_TOKEN is set, else tushare-sim over the bundled sample; tushare needs the token"));
        add(key("data.tushare.url", Type.TEXT).url().env("TUSHARE_URL").def("https://api.tushare.pro").by("data-service")
                .doc("the Tushare Pro endpoint (or a tushare-sim)"));
        add(key("data.tushare.token", Type.TEXT).secret().env("TUSHARE_TOKEN").by("data-service, cli: up, ingest")
                .doc("the account's token; environment only"));
        add(key("data.tushare.calls-per-minute", Type.INTEGER).range(1, 100_000).env("TUSHARE_CALLS_PER_MINUTE").def("200")
                .by("data-service").doc("the account tier's limit per API (about 50 at 120 points, 200 at 2000, 500 at 5000)"));
        add(key("data.tushare.concurrency", Type.INTEGER).range(1, 64).env("TUSHARE_CONCURRENCY").def("5").by("data-service")
                .doc("Tushare requests in flight at once"));
        add(key("data.tushare.row-cap", Type.INTEGER).range(1, 100_000).def("6000").by("data-service")
                .doc("most rows one call returns (6000 for daily)"));
        add(key("data.tushare.timeout", Type.DURATION).def("30s").by("data-service").doc("one Tushare call's timeout"));
        add(key("data.tushare.max-retries", Type.INTEGER).range(0, 100).def("8").by("data-service")
                .doc("retries of a rate-limited or failed call (exponential backoff with jitter)"));
        add(key("data.tushare.backoff-base", Type.DURATION).def("1s").by("data-service").doc("the first retry's wait"));
        add(key("data.tushare.backoff-max", Type.DURATION).def("60s").by("data-service").doc("the longest wait between retries"));
        add(key("data.cycle.enabled", Type.BOOLEAN).env("ALPHAQUANT_DAILY_CYCLE").def("true").by("data-service")
                .doc("whether the daily update after the close runs"));
        add(key("data.cycle.cron", Type.TEXT).pattern("\\S+( \\S+){5}", "a Spring cron of six fields (second minute hour day month weekday)")
                .def("0 30 16 * * MON-FRI").by("data-service").doc("when the daily update runs, Asia/Shanghai"));
        add(key("data.cycle.start", Type.DATE).env("ALPHAQUANT_HISTORY_START").def("2018-01-01").by("data-service")
                .doc("the first day the daily cycle keeps complete"));
        add(key("data.cycle.retry-check", Type.DURATION).def("5m").by("data-service").doc("how often due retries of empty days are looked for"));
        add(key("data.cycle.retry-base", Type.DURATION).def("15m").by("data-service").doc("the wait after a day's first empty answer, doubled after each"));
        add(key("data.cycle.retry-max", Type.DURATION).def("2h").by("data-service").doc("the longest wait between attempts at an empty day"));
        add(key("data.cycle.late-after", Type.DURATION).def("18h").by("data-service").doc("time after a day's close past which an empty day is reported late"));
        add(key("data.job-polling", Type.BOOLEAN).def("true").by("data-service").doc("whether this replica runs ingest jobs"));
        add(key("data.job-poll-interval", Type.DURATION).def("500ms").by("data-service").doc("how often a replica looks for an ingest job"));
        add(key("data.job-stale-after", Type.DURATION).def("2m").by("data-service").doc("a running job without a heartbeat for this long is claimed again"));
        add(key("data.job-max-attempts", Type.INTEGER).range(1, 100).def("5").by("data-service").doc("claims of one ingest job before it fails"));

        // factor: factor-service
        add(key("factor.data-service-url", Type.TEXT).url().env("DATA_SERVICE_URL").def("http://localhost:8081").by("factor-service")
                .doc("where bars come from"));
        add(key("factor.cache-enabled", Type.BOOLEAN).def("true").by("factor-service").doc("false: no Redis at all, every request computes"));
        add(key("factor.cache-prefix", Type.TEXT).env("FACTOR_CACHE_PREFIX").def("aq").by("factor-service").doc("Redis key prefix"));
        add(key("factor.cache-ttl", Type.DURATION).def("24h").by("factor-service").doc("how long a cached stock-month of factors lives"));
        add(key("factor.processed-ttl", Type.DURATION).def("7d").by("factor-service").doc("how long an ingest event id is remembered, against redelivery"));
        add(key("factor.recursive-warmup-bars", Type.INTEGER).range(0, 5000).def("400").by("factor-service")
                .doc("history beyond the largest window, for EMA/Wilder/KDJ to converge"));
        add(key("factor.fetch-parallelism", Type.INTEGER).range(1, 64).def("8").by("factor-service").doc("concurrent bar requests to data-service"));
        add(key("factor.engine-parallelism", Type.INTEGER).range(1, 64).def("2").by("factor-service").doc("threads per factor engine run"));
        add(key("factor.max-stock-months", Type.INTEGER).range(1, 10_000_000).def("60000").by("factor-service")
                .doc("the largest request, in stocks × calendar months"));

        // model: model-service
        add(key("model.device", Type.CHOICE).choices("auto", "cpu", "gpu").env("MODEL_DEVICE").def("auto").by("model-service")
                .doc("auto: a GPU when PyTorch sees one"));
        add(key("model.model-dir", Type.TEXT).env("MODEL_DIR").def("${java.io.tmpdir}/alphaquant/models").by("model-service, cli: up")
                .doc("where trained models and the registry live"));

        // backtest: backtest-service, and the CLI's backtest
        add(key("backtest.data-service-url", Type.TEXT).url().env("DATA_SERVICE_URL").def("http://localhost:8081").by("backtest-service")
                .doc("where bars come from when bars = data-service"));
        add(key("backtest.bars", Type.CHOICE).choices("data-service", "files").env("BACKTEST_BARS").def("data-service").by("backtest-service")
                .doc("files: the sample CSVs in sample-dir instead of data-service"));
        add(key("backtest.sample-dir", Type.TEXT).env("BACKTEST_SAMPLE_DIR").by("backtest-service")
                .doc("folder of the sample CSVs for bars = files (unset: the bundled sample)"));
        add(key("backtest.optimizer-threads", Type.INTEGER).range(1, 64).env("OPTIMIZER_THREADS").def("2").by("backtest-service")
                .doc("backtests of one optimisation grid run at once"));
        add(key("backtest.job-threads", Type.INTEGER).range(1, 64).env("BACKTEST_JOB_THREADS").def("2").by("backtest-service")
                .doc("jobs one replica runs at once"));
        add(key("backtest.max-grid-points", Type.INTEGER).range(1, 100_000).def("1000").by("backtest-service").doc("the largest optimisation grid accepted"));
        add(key("backtest.data-service-read-timeout", Type.DURATION).def("30s").by("backtest-service").doc("one data-service call's read timeout"));
        String runs = "backtest-service, cli: backtest";
        add(key("backtest.defaults.initial-capital", Type.DECIMAL).range(0, false, 1e13, false).def("1000000").by(runs)
                .doc("CNY, where a run gives none"));
        add(key("backtest.defaults.commission", Type.DECIMAL).range(0, true, 0.1, false).def("0.0003").by(runs)
                .doc("commission rate, both sides, fraction of the traded value"));
        add(key("backtest.defaults.min-commission", Type.DECIMAL).range(0, 1000).def("5").by(runs).doc("CNY per order"));
        add(key("backtest.defaults.slippage", Type.DECIMAL).range(0, true, 0.1, false).def("0.0001").by(runs)
                .doc("base slippage, fraction of the price (1 bp)"));
        add(key("backtest.defaults.impact", Type.DECIMAL).range(0, 10).def("0.1").by(runs).doc("k of the impact k·sqrt(order/volume)"));
        add(key("backtest.defaults.slippage-cap", Type.DECIMAL).range(0, true, 0.5, false).def("0.01").by(runs)
                .doc("the most slippage, fraction of the price"));
        add(key("backtest.defaults.fill", Type.CHOICE).choices("open", "close", "vwap").def("open").by(runs)
                .doc("the next day's price orders fill at"));
        add(key("backtest.defaults.carry-over", Type.BOOLEAN).def("false").by(runs)
                .doc("orders stopped by a price limit or a suspension retry on the next days (false: they lapse)"));
        add(key("backtest.defaults.risk-free", Type.DECIMAL).range(-1, false, 1, false).def("0").by(runs).doc("annual risk-free rate"));
        add(key("backtest.defaults.benchmark", Type.TEXT).pattern("none|\\d{6}\\.(SH|SZ)", "an index code such as 000300.SH, or none")
                .def("000300.SH").by(runs).doc("the benchmark index"));

        // strategy: strategy-service
        add(key("strategy.factor-service-url", Type.TEXT).url().env("FACTOR_SERVICE_URL").def("http://localhost:8082").by("strategy-service")
                .doc("where factors come from"));
        add(key("strategy.strategies", Type.LIST).choices(STRATEGY_PRESETS).def("multi_factor").by("strategy-service")
                .doc("the presets run on every factors.computed"));
        add(key("strategy.universe", Type.LIST).pattern("all|\\d{6}\\.(SH|SZ|BJ)", "all, or a stock's ts_code such as 600519.SH")
                .def("all").by("strategy-service").doc("the traded ts_codes, or all alone: every stock with factors that day"));
        add(key("strategy.factor-service-connect-timeout", Type.DURATION).def("2s").by("strategy-service").doc("connect timeout towards factor-service"));
        add(key("strategy.factor-service-read-timeout", Type.DURATION).def("120s").by("strategy-service")
                .doc("one factor request, reply included (a day of every stock's factors)"));
        add(key("strategy.industry.neutral", Type.LIST).choices(STRATEGY_PRESETS).by("strategy-service")
                .doc("configured strategies run industry-neutral (unset: none)"));
        add(key("strategy.industry.data-service-url", Type.TEXT).url().env("DATA_SERVICE_URL").def("http://localhost:8081").by("strategy-service")
                .doc("where the day's industries come from"));
        add(key("strategy.industry.read-timeout", Type.DURATION).def("10s").by("strategy-service").doc("the industries request's timeout"));

        // gateway and dashboard: the gateway
        add(key("gateway.rate-limit.requests-per-second", Type.INTEGER).range(1, 100_000).def("50").by("gateway")
                .doc("requests per second per API key, sustained (a key may carry its own)"));
        add(key("gateway.rate-limit.burst", Type.INTEGER).range(1, 1_000_000).def("100").by("gateway")
                .doc("requests a key may send at once; at least requests-per-second"));
        add(key("gateway.cors.allowed-origins", Type.LIST).pattern("\\*|https?://[^\\s/]+", "* or an origin such as https://example.com")
                .by("gateway").doc("origins other sites' pages may call the API from (unset: same origin only)"));
        Map<String, String> timeouts = Map.of("data", "30s", "factors", "60s", "models", "60s", "backtests", "30s", "strategies", "60s");
        for (String route : ROUTES) {
            add(key("gateway.timeouts." + route, Type.DURATION).def(timeouts.get(route)).by("gateway")
                    .doc("the longest wait for /api/" + route + "/**, then 504"));
        }
        add(key("gateway.session.secret", Type.TEXT).secret().by("gateway")
                .doc("signs the dashboard's session cookies (unset: a random one per start); environment only"));
        add(key("gateway.session.ttl", Type.DURATION).def("12h").by("gateway").doc("how long a dashboard sign-in lasts"));
        add(key("dashboard.language", Type.CHOICE).choices("zh", "en").def("zh").by("gateway (dashboard)").doc("the dashboard's language"));
        add(key("dashboard.colours", Type.CHOICE).choices("red-up", "green-up").def("red-up").by("gateway (dashboard)")
                .doc("red-up: rises red, falls green (China); green-up: the reverse"));
    }

    private ConfigSchema() {
    }

    /** Every key, in the order of the file and the docs. */
    public static List<ConfigKey> keys() {
        return List.copyOf(KEYS.values());
    }

    /** The key named {@code name}, or null. */
    public static ConfigKey key(String name) {
        return KEYS.get(name);
    }

    /** Whether {@code name} is a section holding keys ({@code alphaquant}, {@code alphaquant.data.tushare}, ...). */
    public static boolean isSection(String name) {
        return sections().contains(name);
    }

    /** The names directly below section {@code name}. */
    public static List<String> children(String name) {
        Set<String> children = new LinkedHashSet<>();
        for (String k : KEYS.keySet()) {
            if (k.startsWith(name + ".")) {
                String rest = k.substring(name.length() + 1);
                int dot = rest.indexOf('.');
                children.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return List.copyOf(children);
    }

    private static Set<String> sections() {
        Set<String> sections = new LinkedHashSet<>();
        for (String k : KEYS.keySet()) {
            for (int dot = k.indexOf('.'); dot > 0; dot = k.indexOf('.', dot + 1)) {
                sections.add(k.substring(0, dot));
            }
        }
        return sections;
    }

    /** Keys and sections, the names a misspelt one may have meant. */
    static List<String> names() {
        List<String> names = new ArrayList<>(sections());
        names.addAll(KEYS.keySet());
        return Collections.unmodifiableList(names);
    }

    /** A name that looks like a secret: such values belong in the environment even where the schema has no key. */
    static boolean looksSecret(String name) {
        String leaf = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).replace("_", "-");
        return leaf.matches("(.*-)?(token|password|passwd|secret|api-?keys?|credentials?)");
    }

    private static void add(Builder b) {
        ConfigKey k = b.build();
        KEYS.put(k.name(), k);
    }

    private static Builder key(String name, Type type) {
        return new Builder(ROOT + "." + name, type);
    }

    /** The environment variable of a key that has no older name of its own: ALPHAQUANT_ and the path in capitals. */
    static String derivedEnv(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static final class Builder {
        private final String name;
        private final Type type;
        private String env;
        private String defaultText;
        private boolean secret;
        private Range range;
        private List<String> choices;
        private Pattern pattern;
        private String hint;
        private String readBy;
        private String description;

        Builder(String name, Type type) {
            this.name = name;
            this.type = type;
        }

        Builder env(String v) {
            env = v;
            return this;
        }

        Builder def(String v) {
            defaultText = v;
            return this;
        }

        Builder secret() {
            secret = true;
            return this;
        }

        Builder range(double min, double max) {
            return range(min, true, max, true);
        }

        Builder range(double min, boolean minIncluded, double max, boolean maxIncluded) {
            range = new Range(min, minIncluded, max, maxIncluded);
            return this;
        }

        Builder choices(String... v) {
            return choices(List.of(v));
        }

        Builder choices(List<String> v) {
            choices = v;
            return this;
        }

        Builder pattern(String regex, String what) {
            pattern = Pattern.compile(regex);
            hint = what;
            return this;
        }

        Builder url() {
            pattern = URL;
            hint = URL_HINT;
            return this;
        }

        Builder by(String v) {
            readBy = v;
            return this;
        }

        Builder doc(String v) {
            description = v;
            return this;
        }

        ConfigKey build() {
            return new ConfigKey(name, type, env != null ? env : derivedEnv(name), defaultText, secret, range, choices, pattern, hint,
                    readBy, description);
        }
    }
}
