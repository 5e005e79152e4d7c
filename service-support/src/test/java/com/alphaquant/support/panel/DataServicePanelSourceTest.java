package com.alphaquant.support.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.factor.engine.MarketSeries;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a real HTTP server speaking data-service's quote API over the real sample:
 * unadjusted bars whose adjFactor is Tushare's cumulative factor (here adj_factor_rel × 118.7,
 * as the store holds it), securities, the index, and the streamed multi-stock panel. Requests
 * are counted: many stocks come in one panel request (or a few), not one request each.
 */
class DataServicePanelSourceTest {

    static final String SINGLE = DataServiceStub.SINGLE;
    static final String PANEL = DataServiceStub.PANEL;

    DataServiceStub server;

    @BeforeEach
    void start() {
        server = DataServiceStub.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void factorsOverTheHttpApiEqualTheWholeHistory() {
        try (DataServicePanelSource source = new DataServicePanelSource(url(), 4, Duration.ofSeconds(10))) {
            assertThat(source.securities()).hasSize(PanelSample.CODES.size());
            List<TsCode> codes = PanelSample.CODES;
            LocalDate from = LocalDate.parse("2022-06-01");
            LocalDate to = LocalDate.parse("2022-06-30");
            PanelInput input = new PanelLoader(source, WarmUp.bars(PanelSample.FACTORS, 400)).load(codes, from, to);

            // Another constant base for the adjusted prices (Tushare's cumulative factor, not
            // adj_factor_rel): the same values up to rounding, on every stock.
            assertThat(PanelSample.assertEngineMatchesWholeHistory(input, from, to, 1e-9)).isEqualTo(codes.size());
            // One panel request for the look-back, one for the older history (from the first session) of the stocks short
            // of it (here all: the sample starts inside the look-back), none per stock.
            assertThat(requests(PANEL)).hasSize(2).allMatch(r -> codesOf(r).equals(codes.stream().map(TsCode::toString).toList()));
            assertThat(requests(PANEL).get(1)).contains("start=1990-12-19");
            assertThat(requests(SINGLE)).isEmpty();
            assertThat(server.requests("/api/data/indices/000300.SH/bars")).isNotEmpty();
        }
    }

    @Test
    void northFlowZFromTheFlowsEndpointEqualsTheOneFromTheFile() {
        try (DataServicePanelSource source = new DataServicePanelSource(url(), 4, Duration.ofSeconds(10))) {
            LocalDate from = LocalDate.parse("2021-03-01");
            LocalDate to = LocalDate.parse("2021-07-30");
            MarketSeries flow = source.northFlow(LocalDate.parse("2021-01-01"), to);
            int first = Arrays.binarySearch(PanelSample.NORTH.dates(), 20210104);
            int last = Arrays.binarySearch(PanelSample.NORTH.dates(), 20210719);
            assertThat(flow.dates()).containsExactly(Arrays.copyOfRange(PanelSample.NORTH.dates(), first, last + 1));
            assertThat(flow.values()).containsExactly(Arrays.copyOfRange(PanelSample.NORTH.values(), first, last + 1));

            PanelInput input = new PanelLoader(source, WarmUp.bars(PanelSample.FACTORS, 400)).load(PanelSample.CODES, from, to);
            // Every value checked, NORTH_FLOW_Z's included: the flow reached the engine as the file's did.
            // One of the 30 has no bar in the range (suspended throughout).
            long trading = PanelSample.CODES.stream().filter(c -> PanelSample.dates(c, 20210301, 20210730).length > 0).count();
            assertThat(PanelSample.assertEngineMatchesWholeHistory(input, from, to, 1e-9)).isEqualTo((int) trading).isEqualTo(29);
            int f = PanelSample.FACTORS.stream().map(d -> d.name()).toList().indexOf("NORTH_FLOW_Z");
            long values = PanelSample.CODES.stream().flatMapToInt(c -> Arrays.stream(PanelSample.dates(c, 20210301, 20210730))
                    .filter(d -> !Double.isNaN(PanelSample.expected(f, c, d)))).count();
            assertThat(values).as("NORTH_FLOW_Z values the check covered").isGreaterThan(2000);
            assertThat(server.requests(DataServiceStub.NORTH)).isNotEmpty();
        }
    }

    @Test
    void oneStockStillUsesTheSingleStockEndpoint() {
        try (DataServicePanelSource source = new DataServicePanelSource(url(), 4, Duration.ofSeconds(10))) {
            TsCode code = PanelSample.CODES.get(3);
            List<Bar> bars = source.stockBars(List.of(code, code), LocalDate.parse("2021-01-01"), LocalDate.parse("2022-12-31"));

            assertSameBars(bars, PanelSample.STOCK_BARS.stream().filter(b -> b.tsCode().equals(code)).toList());
            assertThat(requests(SINGLE)).hasSize(1).allMatch(r -> r.startsWith(SINGLE + "?ts_code=" + code));
            assertThat(requests(PANEL)).isEmpty();
        }
    }

    @Test
    void panelsBringEveryRequestedBarInFewRequests() {
        LocalDate from = LocalDate.parse("2021-03-01");
        LocalDate to = LocalDate.parse("2022-11-30");
        List<Bar> expected = PanelSample.STOCK_BARS.stream()
                .filter(b -> !b.tradeDate().isBefore(from) && !b.tradeDate().isAfter(to)).toList();
        try (DataServicePanelSource source = new DataServicePanelSource(url(), 4, Duration.ofSeconds(10))) {
            // The whole sample: one request.
            assertSameBars(source.stockBars(PanelSample.CODES, from, to), expected);
            assertThat(requests(PANEL)).hasSize(1);

            // 630 codes (600 with no bars): lists of at most 500 codes, ⌈630/500⌉ = 2 requests.
            server.clearRequests();
            List<TsCode> more = new ArrayList<>(PanelSample.CODES);
            more.addAll(unknownCodes(600));
            assertSameBars(source.stockBars(more, from, to), expected);
            assertThat(requests(PANEL)).hasSize(2)
                    .allMatch(r -> codesOf(r).size() <= DataServicePanelSource.PANEL_MAX_CODES);
            assertThat(requests(PANEL).stream().mapToInt(r -> codesOf(r).size()).sum()).isEqualTo(630);
        }
    }

    @Test
    void manyCodesAskForAllAndKeepOnlyTheirs() {
        List<TsCode> asked = new ArrayList<>(PanelSample.CODES.subList(0, 20));
        asked.addAll(unknownCodes(DataServicePanelSource.ALL_ABOVE + 1 - 20));
        // Six years: ts_codes=all spans at most five per request.
        LocalDate from = LocalDate.parse("2017-01-01");
        LocalDate to = LocalDate.parse("2022-12-31");
        try (DataServicePanelSource source = new DataServicePanelSource(url(), 4, Duration.ofSeconds(10))) {
            List<Bar> bars = source.stockBars(asked, from, to);

            assertSameBars(bars, PanelSample.STOCK_BARS.stream().filter(b -> asked.contains(b.tsCode())).toList());
            assertThat(requests(PANEL)).containsExactlyInAnyOrder(
                    PANEL + "?ts_codes=all&start=2017-01-01&end=2021-12-31",
                    PANEL + "?ts_codes=all&start=2022-01-01&end=2022-12-31");
        }
    }

    @Test
    void aPanelCutShortIsUnavailableNotFewerBars() {
        server.replace(PANEL, ex -> {
            String whole = DataServiceStub.barsJson(PanelSample.STOCK_BARS);
            DataServiceStub.reply(ex, 200, whole.substring(0, whole.lastIndexOf("},{") + 1)); // ends cleanly after a row, no ']'
        });
        try (DataServicePanelSource source = new DataServicePanelSource(url(), 2, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> source.stockBars(PanelSample.CODES, LocalDate.parse("2022-01-01"), LocalDate.parse("2022-02-01")))
                    .isInstanceOf(PanelSourceUnavailableException.class).hasMessageContaining("broken panel");
        }
    }

    @Test
    void anErrorOrNoServerIsUnavailableNotACrash() {
        server.replace(SINGLE, ex -> DataServiceStub.reply(ex, 500, "{\"status\":500}"));
        server.replace(PANEL, ex -> DataServiceStub.reply(ex, 500, "{\"status\":500}"));
        try (DataServicePanelSource source = new DataServicePanelSource(url(), 2, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> source.stockBars(List.of(PanelSample.CODES.get(0)), LocalDate.parse("2022-01-01"),
                    LocalDate.parse("2022-02-01"))).isInstanceOf(PanelSourceUnavailableException.class);
            assertThatThrownBy(() -> source.stockBars(PanelSample.CODES, LocalDate.parse("2022-01-01"),
                    LocalDate.parse("2022-02-01"))).isInstanceOf(PanelSourceUnavailableException.class);
        }
        try (DataServicePanelSource none = new DataServicePanelSource("http://127.0.0.1:1", 2, Duration.ofSeconds(5))) {
            assertThatThrownBy(none::securities).isInstanceOf(PanelSourceUnavailableException.class);
            assertThatThrownBy(() -> none.stockBars(PanelSample.CODES, LocalDate.parse("2022-01-01"), LocalDate.parse("2022-02-01")))
                    .isInstanceOf(PanelSourceUnavailableException.class);
        }
    }

    private List<String> requests(String path) {
        return server.requests(path);
    }

    private static List<String> codesOf(String request) {
        String q = URLDecoder.decode(request.substring(request.indexOf('?') + 1), StandardCharsets.UTF_8);
        String codes = Arrays.stream(q.split("&")).filter(p -> p.startsWith("ts_codes=")).findFirst().orElseThrow()
                .substring("ts_codes=".length());
        return List.of(codes.split(","));
    }

    /** Valid stock codes that the sample does not hold. */
    private static List<TsCode> unknownCodes(int n) {
        return IntStream.range(0, n).mapToObj(i -> TsCode.of(String.format("00%04d.SZ", 3000 + i))).toList();
    }

    /** The same bars in any order; adjFactor is the sample's × the Tushare scale. */
    private static void assertSameBars(List<Bar> actual, List<Bar> sample) {
        Comparator<Bar> order = Comparator.comparing(Bar::tsCode).thenComparing(Bar::tradeDate);
        List<Bar> expected = sample.stream().map(b -> new Bar(b.tsCode(), b.tradeDate(), b.open(), b.high(), b.low(),
                b.close(), b.preClose(), b.vol(), b.amount(), b.adjFactor() * DataServiceStub.TUSHARE_SCALE)).sorted(order).toList();
        assertThat(actual.stream().sorted(order).toList()).isNotEmpty().isEqualTo(expected);
    }

    private String url() {
        return server.url();
    }

    @Test
    void industriesComeWithTheirDates() {
        try (DataServicePanelSource source = new DataServicePanelSource(url(), 4, Duration.ofSeconds(10))) {
            var industries = source.industries();
            assertThat(industries.asOf(java.time.LocalDate.of(2022, 1, 31))).isEqualTo(java.util.Map.of("600000.SH", "IND001.SIM"));
            assertThat(industries.asOf(java.time.LocalDate.of(2022, 2, 1))).isEqualTo(java.util.Map.of("600000.SH", "IND002.SIM"));
        }
    }
}
