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
                new Object[] {new BacktestRequest.WeightRow("2022-01-04", "600519", 0.5), "weights[0].tsCode", "Invalid ts_code '600519'"},
                new Object[] {new BacktestRequest.WeightRow("2022/01/04", "600519.SH", 0.5), "weights[0].tradeDate", "Invalid tradeDate"},
                new Object[] {new BacktestRequest.WeightRow("2022-01-04", "600519.SH", -0.1), "weights[0].weight", "finite number >= 0"},
                new Object[] {new BacktestRequest.WeightRow("2022-01-04", "600519.SH", 1.5), "weights", "add up to 1.5"});
        for (Object[] c : cases) {
            BacktestRequest r = request("target_weights", List.of((BacktestRequest.WeightRow) c[0]), "2022-01-04", "2022-06-30", null, null);
            assertThatThrownBy(() -> RequestParser.parse(r))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo(c[1]))
                    .hasMessageContaining((String) c[2]);
        }
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
}
