package com.alphaquant.backtest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.support.web.BadRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestParserTest {

    static BacktestRequest request(String strategy, List<BacktestRequest.WeightRow> weights, String start, String end,
                                   List<String> stocks, Double capital) {
        return new BacktestRequest(strategy, weights, start, end, stocks, null, capital, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    @Test
    void storesTheRequestWithTheCliDefaultsFilledIn() {
        ParsedRequest p = RequestParser.parse(request("Buy_And_Hold", null, "20220104", "2022-12-20", List.of("600519.SH"), null));
        BacktestRequest n = p.normalized();
        assertThat(n).isEqualTo(new BacktestRequest("buy_and_hold", null, "2022-01-04", "2022-12-20", List.of("600519.SH"), null,
                1_000_000.0, 0.0003, null, null, 5.0, 0.0001, 0.1, 0.01, "open", false, 0.0, "000300.SH", Map.of(), null));
        assertThat(RequestParser.parse(n).normalized()).isEqualTo(n);
        assertThat(p.weights()).isNull();
    }

    @Test
    void weightRowsAreCheckedRowByRow() {
        List<Object[]> cases = List.of(
                new Object[] {new BacktestRequest.WeightRow("2022-01-04", "600519", 0.5), "weights[0].tsCode", "'600519' is not a ts_code"},
                new Object[] {new BacktestRequest.WeightRow("2022-01-04", "900901.SH", 0.5), "weights[0].tsCode", "B-shares"},
                new Object[] {new BacktestRequest.WeightRow("2022-01-04", "000300.SH", 0.5), "weights[0].tsCode", "is an index"},
                new Object[] {new BacktestRequest.WeightRow("2022/01/04", "600519.SH", 0.5), "weights[0].tradeDate", "is not a date"},
                new Object[] {new BacktestRequest.WeightRow("1990-12-18", "600519.SH", 0.5), "weights[0].tradeDate", "is outside 1990-12-19"},
                new Object[] {new BacktestRequest.WeightRow("2022-01-04", "600519.SH", -0.1), "weights[0].weight", "must be within [0, 1]"},
                new Object[] {new BacktestRequest.WeightRow("2022-01-04", "600519.SH", Double.NaN), "weights[0].weight", "finite"},
                new Object[] {new BacktestRequest.WeightRow("2022-01-04", "600519.SH", 1.5), "weights[0].weight", "must be within [0, 1]"});
        for (Object[] c : cases) {
            BacktestRequest r = request("target_weights", List.of((BacktestRequest.WeightRow) c[0]), "2022-01-04", "2022-06-30", null, null);
            assertThatThrownBy(() -> RequestParser.parse(r))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo(c[1]))
                    .hasMessageContaining((String) c[2]);
        }
        assertThatThrownBy(() -> RequestParser.parse(request("target_weights", List.of(
                new BacktestRequest.WeightRow("2022-01-04", "600519.SH", 0.8), new BacktestRequest.WeightRow("2022-01-04", "600000.SH", 0.7)),
                "2022-01-04", "2022-06-30", null, null)))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("weights"))
                .hasMessageContaining("add up to 1.5");
        ParsedRequest ok = RequestParser.parse(request("target_weights",
                List.of(new BacktestRequest.WeightRow("20220104", "600519.SH", 0.5)), "2022-01-04", "2022-06-30", null, null));
        assertThat(ok.normalized().weights()).containsExactly(new BacktestRequest.WeightRow("2022-01-04", "600519.SH", 0.5));
        assertThat(ok.weights()).isNotSameAs(ok.weights()); // a fresh strategy per run
    }

    @Test
    void specRefusalsNameTheJsonField() {
        assertThatThrownBy(() -> RequestParser.parse(request("buy_and_hold", null, "2022-01-04", "2022-06-30", List.of("600000.SH"), -5.0)))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("initialCapital"));
        assertThatThrownBy(() -> RequestParser.parse(request("buy_and_hold", null, null, "2022-06-30", List.of("600000.SH"), null)))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("startDate"))
                .hasMessage("startDate is required");
    }

    @Test
    void multiFactorTakesItsPresetsValuesAsDefaultsAndStoresThePreset() {
        BacktestRequest r = new BacktestRequest("multi_factor", null, "2022-01-04", "2022-12-20", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, Map.of("buy_above", 0.7), "multi_factor_conservative");
        BacktestRequest n = RequestParser.parse(r).normalized();
        assertThat(n.strategyPreset()).isEqualTo("multi_factor_conservative");
        assertThat(n.strategyParameters()).containsEntry("buy_above", 0.7).containsEntry("max_position", 0.05)
                .containsEntry("max_exposure", 0.60);
        assertThat(RequestParser.parse(n).normalized()).isEqualTo(n);

        assertThat(RequestParser.parse(new BacktestRequest("multi_factor", null, "2022-01-04", "2022-12-20", null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null)).normalized().strategyPreset())
                .isEqualTo("multi_factor");
        assertThatThrownBy(() -> RequestParser.parse(new BacktestRequest("multi_factor", null, "2022-01-04", "2022-12-20", null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, "bold")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("strategyPreset");
                    assertThat(e.getMessage()).contains("Unknown preset 'bold'", "multi_factor_conservative");
                });
        assertThatThrownBy(() -> RequestParser.parse(new BacktestRequest("buy_and_hold", null, "2022-01-04", "2022-12-20",
                java.util.List.of("600519.SH"), null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                "multi_factor")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("strategyPreset"));
    }

    private static BacktestRequest costs(Double capital, Double commission, Double minCommission, Double stampDuty, Double transferFee,
                                         Double slippage, Double impact, Double cap, Double riskFree) {
        return new BacktestRequest("buy_and_hold", null, "2022-01-04", "2022-06-30", List.of("600519.SH"), null, capital, commission,
                stampDuty, transferFee, minCommission, slippage, impact, cap, null, null, riskFree, null, null, null);
    }

    @Test
    void everyNumberIsFiniteAndWithinItsBoundsNamingTheField() {
        double inf = Double.POSITIVE_INFINITY;
        double nan = Double.NaN;
        Object[][] cases = {
                {costs(nan, null, null, null, null, null, null, null, null), "initialCapital", "finite"},
                {costs(inf, null, null, null, null, null, null, null, null), "initialCapital", "finite"},
                {costs(1e308, null, null, null, null, null, null, null, null), "initialCapital", "(0, 10000000000000) CNY, got 1.0E308"},
                {costs(null, nan, null, null, null, null, null, null, null), "commission", "finite"},
                {costs(null, 0.1, null, null, null, null, null, null, null), "commission", "[0, 0.1)"},
                {costs(null, null, 1e308, null, null, null, null, null, null), "minCommission", "[0, 1000] CNY per order, got 1.0E308"},
                {costs(null, null, inf, null, null, null, null, null, null), "minCommission", "finite"},
                {costs(null, null, nan, null, null, null, null, null, null), "minCommission", "finite"},
                {costs(null, null, 1000.01, null, null, null, null, null, null), "minCommission", "[0, 1000]"},
                {costs(null, null, -1.0, null, null, null, null, null, null), "minCommission", "[0, 1000]"},
                {costs(null, null, null, nan, null, null, null, null, null), "stampDuty", "finite"}, // NaN is not "the schedule"
                {costs(null, null, null, null, nan, null, null, null, null), "transferFee", "finite"},
                {costs(null, null, null, null, -inf, null, null, null, null), "transferFee", "finite"},
                {costs(null, null, null, null, null, 1e308, null, null, null), "slippage", "[0, 0.1)"},
                {costs(null, null, null, null, null, null, 11.0, null, null), "impact", "[0, 10]"},
                {costs(null, null, null, null, null, null, null, nan, null), "slippageCap", "finite"},
                {costs(null, null, null, null, null, null, null, null, -1.0), "riskFree", "(-1, 1)"},
        };
        for (Object[] c : cases) {
            assertThatThrownBy(() -> RequestParser.parse((BacktestRequest) c[0])).as("%s", c[1])
                    .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo(c[1]))
                    .hasMessageContaining((String) c[2]);
        }
        BacktestRequest edges = RequestParser.parse(costs(1e12, 0.0, 1000.0, 0.0, 0.0, 0.0, 10.0, 0.0, 0.05)).normalized();
        assertThat(edges.minCommission()).isEqualTo(1000.0);
        assertThat(edges.stampDuty()).isEqualTo(0.0);
    }

    @Test
    void theBoundsCoverEveryNumberAGridMayVary() {
        assertThat(Limits.NUMERIC.keySet()).containsExactlyElementsOf(ParameterGrid.NUMERIC);
    }

    @Test
    void datesAreWithinTheCalendarsRangeAndOrdered() {
        Object[][] cases = {
                {"1990-12-18", "2022-06-30", "startDate", "is outside 1990-12-19"},
                {"-999999999-01-01", "2022-06-30", "startDate", "is outside 1990-12-19"},
                {"2022-01-04", "+999999999-12-31", "endDate", "is outside 1990-12-19"},
                {"2022-01-04", "2100-01-01", "endDate", "is outside 1990-12-19"},
                {"2022-02-30", "2022-06-30", "startDate", "is not a date"},
                {"2022-06-30", "2022-01-04", "endDate", "is before startDate"},
        };
        for (Object[] c : cases) {
            assertThatThrownBy(() -> RequestParser.parse(request("buy_and_hold", null, (String) c[0], (String) c[1], List.of("600519.SH"), null)))
                    .as("%s .. %s", c[0], c[1])
                    .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo(c[2]))
                    .hasMessageContaining((String) c[3]);
        }
        assertThat(RequestParser.parse(request("buy_and_hold", null, "1990-12-19", "2099-12-31", List.of("600519.SH"), null))
                .spec().start()).isEqualTo("1990-12-19");
    }

    @Test
    void stocksAreAShareStocksAndTheBenchmarkAnIndex() {
        Object[][] cases = {
                {List.of("600519.SH", "900901.SH"), null, "stocks[1]", "B-shares"},
                {List.of("200002.SZ"), null, "stocks[0]", "B-shares"},
                {List.of("000300.SH"), null, "stocks[0]", "is an index, not a stock"},
                {List.of("all"), null, "stocks[0]", "universe: \"all\""},
                {List.of("600519.sh"), null, "stocks[0]", "is not a ts_code"},
                {List.of("600519.SH"), "600519.SH", "benchmark", "is not an index"},
                {List.of("600519.SH"), "900901.SH", "benchmark", "is not an index"},
                {List.of("600519.SH"), "x".repeat(10_000), "benchmark", "(10000 characters)"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            BacktestRequest r = new BacktestRequest("buy_and_hold", null, "2022-01-04", "2022-06-30", (List<String>) c[0], null, null,
                    null, null, null, null, null, null, null, null, null, null, (String) c[1], null, null);
            assertThatThrownBy(() -> RequestParser.parse(r)).as("%s", c[2])
                    .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo(c[2]))
                    .hasMessageContaining((String) c[3]);
        }
        assertThat(RequestParser.parse(new BacktestRequest("buy_and_hold", null, "2022-01-04", "2022-06-30", List.of("830799.BJ"), null,
                null, null, null, null, null, null, null, null, null, null, null, "None", null, null)).spec().benchmark()).isNull();
    }
}
