package com.alphaquant.factor.bars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.factor.Sample;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.compute.StockFactors;
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
class DataServiceBarSourceTest {

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
        try (DataServiceBarSource source = new DataServiceBarSource(url(), 4, Duration.ofSeconds(10))) {
            assertThat(source.securities()).hasSize(Sample.CODES.size());
            List<TsCode> codes = Sample.CODES;
            Map<TsCode, StockFactors> out = new FactorComputer(source, 400, 2)
                    .compute(codes, LocalDate.parse("2022-06-01"), LocalDate.parse("2022-06-30"));

            assertThat(out).hasSize(codes.size());
            // Another constant base for the adjusted prices (Tushare's cumulative factor, not
            // adj_factor_rel): the same values up to rounding, on every stock.
            out.values().forEach(s -> Sample.assertMatchesWholeHistory(s, 1e-9));
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
        try (DataServiceBarSource source = new DataServiceBarSource(url(), 4, Duration.ofSeconds(10))) {
            LocalDate from = LocalDate.parse("2021-03-01");
            LocalDate to = LocalDate.parse("2021-07-30");
            MarketSeries flow = source.northFlow(LocalDate.parse("2021-01-01"), to);
            int first = Arrays.binarySearch(Sample.NORTH.dates(), 20210104);
            int last = Arrays.binarySearch(Sample.NORTH.dates(), 20210719);
            assertThat(flow.dates()).containsExactly(Arrays.copyOfRange(Sample.NORTH.dates(), first, last + 1));
            assertThat(flow.values()).containsExactly(Arrays.copyOfRange(Sample.NORTH.values(), first, last + 1));

            Map<TsCode, StockFactors> out = new FactorComputer(source, 400, 2).compute(Sample.CODES, from, to);
            out.values().forEach(s -> Sample.assertMatchesWholeHistory(s, 1e-9));
            int f = FactorComputer.FACTORS.stream().map(d -> d.name()).toList().indexOf("NORTH_FLOW_Z");
            long values = out.values().stream().flatMapToDouble(s -> Arrays.stream(s.values()[f])).filter(v -> !Double.isNaN(v))
                    .count();
            // Each stock's bars from March to 2021-07-19 that have a flow: the same count as the whole history's.
            long expected = Sample.CODES.stream().flatMapToInt(c -> Arrays.stream(Sample.dates(c, 20210301, 20210730))
                    .filter(d -> !Double.isNaN(Sample.expected(f, c, d)))).count();
            assertThat(values).isEqualTo(expected).isGreaterThan(2000);
            assertThat(server.requests(DataServiceStub.NORTH)).isNotEmpty();
        }
    }

    @Test
    void oneStockStillUsesTheSingleStockEndpoint() {
        try (DataServiceBarSource source = new DataServiceBarSource(url(), 4, Duration.ofSeconds(10))) {
            TsCode code = Sample.CODES.get(3);
            List<Bar> bars = source.stockBars(List.of(code, code), LocalDate.parse("2021-01-01"), LocalDate.parse("2022-12-31"));

            assertSameBars(bars, Sample.STOCK_BARS.stream().filter(b -> b.tsCode().equals(code)).toList());
            assertThat(requests(SINGLE)).hasSize(1).allMatch(r -> r.startsWith(SINGLE + "?ts_code=" + code));
            assertThat(requests(PANEL)).isEmpty();
        }
    }

    @Test
    void panelsBringEveryRequestedBarInFewRequests() {
        LocalDate from = LocalDate.parse("2021-03-01");
        LocalDate to = LocalDate.parse("2022-11-30");
        List<Bar> expected = Sample.STOCK_BARS.stream()
                .filter(b -> !b.tradeDate().isBefore(from) && !b.tradeDate().isAfter(to)).toList();
        try (DataServiceBarSource source = new DataServiceBarSource(url(), 4, Duration.ofSeconds(10))) {
            // The whole sample: one request.
            assertSameBars(source.stockBars(Sample.CODES, from, to), expected);
            assertThat(requests(PANEL)).hasSize(1);

            // 630 codes (600 with no bars): lists of at most 500 codes, ⌈630/500⌉ = 2 requests.
            server.clearRequests();
            List<TsCode> more = new ArrayList<>(Sample.CODES);
            more.addAll(unknownCodes(600));
            assertSameBars(source.stockBars(more, from, to), expected);
            assertThat(requests(PANEL)).hasSize(2)
                    .allMatch(r -> codesOf(r).size() <= DataServiceBarSource.PANEL_MAX_CODES);
            assertThat(requests(PANEL).stream().mapToInt(r -> codesOf(r).size()).sum()).isEqualTo(630);
        }
    }

    @Test
    void manyCodesAskForAllAndKeepOnlyTheirs() {
        List<TsCode> asked = new ArrayList<>(Sample.CODES.subList(0, 20));
        asked.addAll(unknownCodes(DataServiceBarSource.ALL_ABOVE + 1 - 20));
        // Six years: ts_codes=all spans at most five per request.
        LocalDate from = LocalDate.parse("2017-01-01");
        LocalDate to = LocalDate.parse("2022-12-31");
        try (DataServiceBarSource source = new DataServiceBarSource(url(), 4, Duration.ofSeconds(10))) {
            List<Bar> bars = source.stockBars(asked, from, to);

            assertSameBars(bars, Sample.STOCK_BARS.stream().filter(b -> asked.contains(b.tsCode())).toList());
            assertThat(requests(PANEL)).containsExactlyInAnyOrder(
                    PANEL + "?ts_codes=all&start=2017-01-01&end=2021-12-31",
                    PANEL + "?ts_codes=all&start=2022-01-01&end=2022-12-31");
        }
    }

    @Test
    void aPanelCutShortIsUnavailableNotFewerBars() {
        server.replace(PANEL, ex -> {
            String whole = DataServiceStub.barsJson(Sample.STOCK_BARS);
            DataServiceStub.reply(ex, 200, whole.substring(0, whole.lastIndexOf("},{") + 1)); // ends cleanly after a row, no ']'
        });
        try (DataServiceBarSource source = new DataServiceBarSource(url(), 2, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> source.stockBars(Sample.CODES, LocalDate.parse("2022-01-01"), LocalDate.parse("2022-02-01")))
                    .isInstanceOf(BarSourceUnavailableException.class).hasMessageContaining("broken panel");
        }
    }

    @Test
    void anErrorOrNoServerIsUnavailableNotACrash() {
        server.replace(SINGLE, ex -> DataServiceStub.reply(ex, 500, "{\"status\":500}"));
        server.replace(PANEL, ex -> DataServiceStub.reply(ex, 500, "{\"status\":500}"));
        try (DataServiceBarSource source = new DataServiceBarSource(url(), 2, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> source.stockBars(List.of(Sample.CODES.get(0)), LocalDate.parse("2022-01-01"),
                    LocalDate.parse("2022-02-01"))).isInstanceOf(BarSourceUnavailableException.class);
            assertThatThrownBy(() -> source.stockBars(Sample.CODES, LocalDate.parse("2022-01-01"),
                    LocalDate.parse("2022-02-01"))).isInstanceOf(BarSourceUnavailableException.class);
        }
        try (DataServiceBarSource none = new DataServiceBarSource("http://127.0.0.1:1", 2, Duration.ofSeconds(5))) {
            assertThatThrownBy(none::securities).isInstanceOf(BarSourceUnavailableException.class);
            assertThatThrownBy(() -> none.stockBars(Sample.CODES, LocalDate.parse("2022-01-01"), LocalDate.parse("2022-02-01")))
                    .isInstanceOf(BarSourceUnavailableException.class);
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
        try (DataServiceBarSource source = new DataServiceBarSource(url(), 4, Duration.ofSeconds(10))) {
            var industries = source.industries();
            assertThat(industries.asOf(java.time.LocalDate.of(2022, 1, 31))).isEqualTo(java.util.Map.of("600000.SH", "IND001.SIM"));
            assertThat(industries.asOf(java.time.LocalDate.of(2022, 2, 1))).isEqualTo(java.util.Map.of("600000.SH", "IND002.SIM"));
        }
    }
}
