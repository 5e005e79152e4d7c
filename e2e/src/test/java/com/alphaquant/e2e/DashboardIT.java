package com.alphaquant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in a real browser against the whole platform as {@code alphaquant up} runs it:
 * sign-in, a backtest run from the form (its equity curve has one point per trading day of the
 * range, counted from data-service's calendar), an optimisation heatmap, calendar effects, the
 * factor heatmap, the signals page, and a model trained from the form (its loss curves hold one point
 * per epoch the API reports; promoted in the registry), each with data; a screenshot of each page goes to
 * docs/screenshots (1280×800). Then the platform stops and leaves no process or port behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final Path HOME = Path.of(System.getProperty("alphaquant.home", "..")).toAbsolutePath().normalize();
    private static final Path SCREENSHOTS = HOME.resolve("docs/screenshots");
    private static final String START = "2022-06-01";
    private static final String END = "2022-12-20";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    // 12 stocks of model-service's bundled sample over 2021, 10-day windows, one epoch: about a thousand training samples,
    // seconds of training on two cores beside the whole platform
    private static final List<String> MODEL_STOCKS = List.of("000001.SZ", "000002.SZ", "000063.SZ", "000333.SZ", "000651.SZ",
            "000858.SZ", "600000.SH", "600030.SH", "600036.SH", "600519.SH", "600887.SH", "601318.SH");

    private Platform platform;
    private Playwright playwright;
    private Browser browser;
    private Page page;
    private final List<String> browserErrors = new ArrayList<>();

    @BeforeAll
    void startPlatformAndBrowser() throws Exception {
        Chromium.requireInstalled();
        Path target = HOME.resolve("e2e/target");
        platform = Platform.start(HOME, target.resolve("platform"), target.resolve("alphaquant-up.log"));
        platform.awaitReady(Duration.ofMinutes(6));
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        // English labels unless a test switches: CI machines have no CJK fonts for the screenshots
        context.addInitScript("if (!localStorage.getItem('alphaquant.lang')) localStorage.setItem('alphaquant.lang', 'en');");
        page = context.newPage();
        page.setDefaultTimeout(30_000);
        page.onPageError(error -> browserErrors.add("page error: " + error));
        page.onConsoleMessage(m -> {
            // a 404 the page expects (no live book yet, no model API) is logged as a failed load: not an error of the page
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                browserErrors.add("console: " + m.text());
            }
        });
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (platform != null) {
            platform.close();
            assertThat(platform.aliveProcesses()).as("processes of the platform left").isEmpty();
            assertThat(platform.boundPorts()).as("ports of the platform still bound").isEmpty();
        }
    }

    @Test
    @Order(1)
    void signsInWithTheKeyUpPrinted() throws Exception {
        HttpResponse<String> anonymous = http("/api/strategies", null);
        if (anonymous.statusCode() != 401) {
            // the gateway asks for no key (no authentication configured): nothing to sign in to
            assertThat(anonymous.statusCode()).isEqualTo(200);
            page.navigate(platform.url() + "/signin.html?next=%2F%23%2Fbacktest");
            assertThat(page.locator("#signin-form input[name=key]").isVisible()).isTrue();
            return;
        }
        String key = platform.awaitApiKey(Duration.ofSeconds(30));
        page.navigate(platform.url() + "/#/backtest");
        page.waitForURL(Pattern.compile(".*/signin\\.html\\?next=.*")); // the dashboard's 401 handling
        page.fill("#signin-form input[name=key]", key);
        page.click("#signin-form button[type=submit]");
        page.waitForURL(Pattern.compile(".*/#/backtest$"));
        assertThat(http("/api/strategies", key).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void backtestFromTheFormDrawsOneEquityPointPerTradingDay() throws Exception {
        page.navigate(platform.url() + "/#/backtest");
        page.selectOption("#backtest-form select[name=strategy]", "buy_and_hold");
        page.selectOption("#backtest-form select[name=universe]", "");
        page.fill("#backtest-form input[name=stocks]", "600519.SH,000001.SZ,300750.SZ");
        page.fill("#backtest-form input[name=startDate]", START);
        page.fill("#backtest-form input[name=endDate]", END);
        page.click("#backtest-form button[type=submit]");
        awaitChart("equity", Duration.ofMinutes(2));

        long tradingDays = tradingDays(START, END);
        assertThat(tradingDays).isBetween(130L, 150L);
        assertThat(seriesLengths("equity")).as("equity and benchmark points").containsExactly(tradingDays, tradingDays);
        for (String chart : List.of("drawdown", "returns", "monthly")) {
            awaitChart(chart, Duration.ofSeconds(20));
            assertThat(seriesLengths(chart)).as(chart).allSatisfy(n -> assertThat(n).isPositive());
        }
        assertThat(seriesLengths("drawdown")).containsExactly(tradingDays);
        assertThat(seriesLengths("monthly")).as("June to December").containsExactly(7L);
        assertThat(page.locator("[data-metric=total_return] .value").textContent()).matches("-?\\d+\\.\\d\\d%");
        assertThat(page.locator(".results .data-table tbody tr").count()).as("fills and rejections").isGreaterThanOrEqualTo(3);

        // the numbers behind the chart, one click away
        page.locator("[data-chart=equity] .tools button").first().click();
        assertThat(page.locator("[data-chart=equity] .chart-table tbody tr").count()).isEqualTo((int) tradingDays);
        page.locator("[data-chart=equity] .tools button").first().click();
        screenshot("backtest");
    }

    @Test
    @Order(3)
    void twoRunsCompareSideBySide() throws Exception {
        String later = "2022-09-01";
        String first = page.url();
        page.fill("#backtest-form input[name=startDate]", later); // the form holds the first run's request
        page.click("#backtest-form button[type=submit]");
        page.waitForURL(url -> url.contains("#/backtest?id=") && !url.equals(first));
        String id = page.url().replaceAll(".*[?&]id=", "");
        // the new run's results, not the first run's still on screen until the page re-renders
        page.waitForFunction("id => document.querySelector('#run .note')?.textContent.includes(id)"
                + " && document.querySelector(\"[data-chart='equity'][data-ready]\")", id,
                new Page.WaitForFunctionOptions().setTimeout(Duration.ofMinutes(2).toMillis()));
        assertThat(seriesLengths("equity")).containsExactly(tradingDays(later, END), tradingDays(later, END));

        Locator runs = page.locator("#runs tbody input[type=checkbox]");
        runs.first().waitFor();
        assertThat(runs.count()).as("past runs listed").isEqualTo(2);
        runs.nth(0).check();
        runs.nth(1).check();
        page.click("#runs button.primary");
        awaitChart("compare-equity", Duration.ofMinutes(1));
        long days = tradingDays(START, END);
        assertThat(seriesLengths("compare-equity")).as("both curves over the union of their dates").containsExactly(days, days);
        // the first curve is the run ticked first, the newer one: blank before its own start
        assertThat(nonNullValues("compare-equity")).as("days of the later run").isEqualTo((int) tradingDays(later, END));
        assertThat(page.locator(".compare .data-table tbody tr").count()).as("figures of both runs").isEqualTo(2);
    }

    @Test
    @Order(4)
    void optimisationShowsItsGridAsAHeatmap() {
        page.navigate(platform.url() + "/#/optimize");
        page.fill("#optimize-form input[name=startDate]", START);
        page.fill("#optimize-form input[name=values0]", "0.55,0.65");
        page.fill("#optimize-form input[name=values1]", "0.35,0.45");
        page.click("#optimize-form button[type=submit]");
        awaitChart("optimize-heatmap", Duration.ofMinutes(3));
        assertThat(seriesLengths("optimize-heatmap")).as("2 × 2 buy_above × sell_below cells").containsExactly(4L);
        assertThat(page.locator("#optimization .data-table tbody tr").count()).as("ranked points").isEqualTo(4);
        assertThat(page.inputValue("#optimize-form input[name=startDate]")).as("the form shows what ran").isEqualTo(START);
        page.locator("#optimization").scrollIntoViewIfNeeded();
        screenshot("optimize");
    }

    @Test
    @Order(5)
    void calendarEffectsChartWeekdaysMonthsAndQuarters() {
        page.navigate(platform.url() + "/#/calendar?code=000300.SH&start=2021-01-04&end=2022-12-20");
        Map<String, Long> groups = Map.of("calendar-weekday", 5L, "calendar-month", 12L, "calendar-quarter", 4L);
        groups.forEach((chart, n) -> {
            awaitChart(chart, Duration.ofSeconds(30));
            assertThat(seriesLengths(chart)).as(chart).containsExactly(n);
        });
        assertThat(nonNullValues("calendar-weekday")).isEqualTo(5);
        screenshot("calendar");
    }

    @Test
    @Order(6)
    void factorPageDrawsTheCorrelationHeatmapAndIc() {
        page.navigate(platform.url() + "/#/factors");
        awaitChart("factor-correlation", Duration.ofMinutes(2));
        long names = ((Number) page.evaluate("() => " + instance("factor-correlation") + ".getOption().xAxis[0].data.length")).longValue();
        assertThat(names).as("factors in the heatmap").isEqualTo(24);
        assertThat(seriesLengths("factor-correlation")).containsExactly(names * names);
        awaitChart("factor-ic", Duration.ofSeconds(30));
        assertThat(nonNullValues("factor-ic")).isPositive();
        screenshot("factors");
    }

    @Test
    @Order(7)
    void signalsPageShowsTheDaysScoresAndTheLiveBook() {
        page.navigate(platform.url() + "/#/signals?strategy=multi_factor&date=2022-12-20&mode=evaluate");
        awaitChart("signals-scores", Duration.ofMinutes(2));
        assertThat(seriesLengths("signals-scores")).allSatisfy(n -> assertThat(n).isPositive());
        page.locator(".live, main .state.empty").last().waitFor();
        screenshot("signals");
    }

    @Test
    @Order(8)
    void dataPageChartsCoverage() {
        page.navigate(platform.url() + "/#/data");
        awaitChart("data-coverage", Duration.ofSeconds(30));
        assertThat(seriesLengths("data-coverage")).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
        screenshot("data");
    }

    @Test
    @Order(9)
    void modelTrainedFromTheFormDrawsItsLossCurvesAndIsPromoted() throws Exception {
        page.navigate(platform.url() + "/#/models");
        page.selectOption("#train-form select[name=preset]", "small");
        page.selectOption("#train-form select[name=device]", "cpu");
        Map.of("epochs", "1", "batchSize", "256", "seqLen", "10", "seed", "7", "startDate", "2021-01-04", "endDate", "2021-12-31",
                "validStart", "2021-07-01", "testStart", "2021-09-15", "tsCodes", String.join(",", MODEL_STOCKS))
                .forEach((name, value) -> page.fill("#train-form input[name=" + name + "]", value));
        page.click("#train-form button[type=submit]");
        page.waitForURL(url -> url.contains("#/models?job="));
        String jobId = page.url().replaceAll(".*[?&]job=", "");

        // the job's own progress view says how it ended; it shows SUCCEEDED once the model and its curves are drawn
        Locator ended = page.locator("#training .job[data-status=SUCCEEDED], #training .job[data-status=FAILED],"
                + " #training .job[data-status=CANCELLED]");
        ended.first().waitFor(new Locator.WaitForOptions().setTimeout(Duration.ofMinutes(2).toMillis()));
        assertThat(ended.first().getAttribute("data-status")).as(page.locator("#training").textContent()).isEqualTo("SUCCEEDED");

        JsonNode job = api("/api/models/train/" + jobId);
        long epochs = job.path("epochs").size();
        assertThat(epochs).as("epochs the API reports").isEqualTo(1);
        awaitChart("model-loss", Duration.ofSeconds(30));
        assertThat(seriesLengths("model-loss")).as("train and valid loss, one point per epoch").containsExactly(epochs, epochs);
        String modelId = job.path("modelId").asString();
        double baseline = api("/api/models/" + modelId).path("metrics").path("baselineValidLoss").path("total").asDouble();
        assertThat(((Number) page.evaluate("() => " + instance("model-loss") + ".getOption().series[1].markLine.data[0].yAxis"))
                .doubleValue()).as("the baseline's reference line").isEqualTo(baseline);
        for (String head : List.of("return", "sharpe", "drawdown")) {
            awaitChart("model-loss-" + head, Duration.ofSeconds(10));
            assertThat(seriesLengths("model-loss-" + head)).as(head).containsExactly(epochs, epochs);
        }
        page.locator("[data-chart=model-loss] .tools button").first().click();
        assertThat(page.locator("[data-chart=model-loss] .chart-table tbody tr").count()).isEqualTo((int) epochs);
        page.locator("[data-chart=model-loss] .tools button").first().click();
        page.locator("#training").scrollIntoViewIfNeeded();
        screenshot("models");

        Locator row = page.locator("#models tbody tr").filter(new Locator.FilterOptions()
                .setHas(page.locator("a[href='#/models?id=" + modelId + "']")));
        row.waitFor();
        assertThat(row.locator(".badge.active").count()).as("a new model is not active").isZero();
        row.locator("button.promote").click();
        row.locator(".badge.active").waitFor();
        assertThat(api("/api/models/" + modelId).path("active").asBoolean()).isTrue();
        assertThat(page.locator("#models .badge.active").count()).as("one active model").isEqualTo(1);

        page.navigate(platform.url() + "/#/models?id=" + modelId);
        page.locator(".model-detail[data-model='" + modelId + "'] .badge.active").waitFor();
        assertThat(page.locator(".model-detail [data-metric=baselineValidLoss] .value").textContent())
                .isEqualTo(String.format(Locale.ROOT, "%.4f", baseline));
        awaitChart("model-heads", Duration.ofSeconds(10));
        assertThat(seriesLengths("model-heads")).as("four heads in each of four loss sets").containsExactly(4L, 4L, 4L, 4L);
        page.locator(".model-detail").scrollIntoViewIfNeeded();
        screenshot("model");
    }

    @Test
    @Order(10)
    void languageToggleIsRememberedAndNothingFailedInTheBrowser() {
        page.navigate(platform.url() + "/#/overview");
        page.locator("#top .settings button").click();
        assertThat(page.locator("#top nav a[href='#/backtest']").textContent()).isEqualTo("回测");
        page.reload();
        assertThat(page.locator("#top nav a[href='#/backtest']").textContent()).as("remembered").isEqualTo("回测");
        page.locator("#top .settings button").click();
        assertThat(page.locator("#top nav a[href='#/backtest']").textContent()).isEqualTo("Backtest");
        assertThat(browserErrors).as("errors in the browser (CSP violations show here)").isEmpty();
    }

    private void awaitChart(String id, Duration max) {
        page.locator("[data-chart='" + id + "'][data-ready]").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED).setTimeout(max.toMillis()));
    }

    private static String instance(String id) {
        return "echarts.getInstanceByDom(document.querySelector(\"[data-chart='" + id + "'] .chart\"))";
    }

    /** How many points each series of the chart holds, read from its ECharts instance. */
    private List<Long> seriesLengths(String id) {
        List<?> lengths = (List<?>) page.evaluate("() => " + instance(id) + ".getOption().series.map(s => s.data.length)");
        return lengths.stream().map(n -> ((Number) n).longValue()).toList();
    }

    /** Points of the chart's first series with a value. */
    private int nonNullValues(String id) {
        return ((Number) page.evaluate("() => " + instance(id) + ".getOption().series[0].data"
                + ".filter(d => { const v = (d && typeof d === 'object' && 'value' in d) ? d.value : d; return v !== null && v !== '-'; }).length"))
                .intValue();
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    /** Open days of data-service's calendar in [start, end], counted here from the raw answer. */
    private long tradingDays(String start, String end) throws Exception {
        HttpResponse<String> response = http("/api/data/calendar?start=" + start + "&end=" + end, platform.apiKey().orElse(null));
        assertThat(response.statusCode()).isEqualTo(200);
        long open = 0;
        for (JsonNode day : JsonMapper.builder().build().readTree(response.body())) {
            if (day.path("open").asBoolean()) {
                open++;
            }
        }
        return open;
    }

    /** A GET through the gateway with the key up printed, its body read here. */
    private JsonNode api(String path) throws Exception {
        HttpResponse<String> response = http(path, platform.apiKey().orElse(null));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private HttpResponse<String> http(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url() + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
