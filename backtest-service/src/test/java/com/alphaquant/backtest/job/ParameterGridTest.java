package com.alphaquant.backtest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.backtest.engine.FillPrice;
import com.alphaquant.backtest.store.GridPointRecord;
import com.alphaquant.support.web.BadRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ParameterGridTest {

    private static final BacktestRequest BASE = RequestParserTest.request("buy_and_hold", null, "2022-01-04", "2022-12-20",
            List.of("600000.SH", "600519.SH"), null);

    private static OptimizeRequest.Range values(String name, Object... values) {
        return new OptimizeRequest.Range(name, Arrays.asList(values), null, null, null);
    }

    private static OptimizeRequest.Range stepped(String name, double from, double to, double step) {
        return new OptimizeRequest.Range(name, null, from, to, step);
    }

    @Test
    void everyCombinationWithTheLastRangeFastest() {
        ParameterGrid.Plan plan = ParameterGrid.plan(new OptimizeRequest(BASE,
                List.of(values("fill", "open", "close"), stepped("commission", 0.0001, 0.0005, 0.0002)), "MAX_SHARPE"), 100);

        assertThat(plan.objective()).isEqualTo(Objective.MAX_SHARPE);
        assertThat(plan.ranges().get(1).values()).containsExactly(0.0001, 0.0003, 0.0005); // decimal steps, no 0.00030000000000000003
        assertThat(plan.points()).extracting(ParameterGrid.Point::values).containsExactly(
                Map.of("fill", "open", "commission", 0.0001), Map.of("fill", "open", "commission", 0.0003),
                Map.of("fill", "open", "commission", 0.0005), Map.of("fill", "close", "commission", 0.0001),
                Map.of("fill", "close", "commission", 0.0003), Map.of("fill", "close", "commission", 0.0005));
        ParsedRequest p4 = plan.points().get(4).request();
        assertThat(p4.spec().config().fillPrice()).isEqualTo(FillPrice.CLOSE);
        assertThat(p4.spec().config().costs().commissionRate()).isEqualTo(0.0003);
        assertThat(p4.spec().stocks()).isEqualTo(plan.base().spec().stocks());
        assertThat(plan.normalized().objective()).isEqualTo("max_sharpe");
    }

    @Test
    void gridPointsShareTheBasesWeightTable() {
        List<BacktestRequest.WeightRow> rows = new java.util.ArrayList<>();
        for (int day = 4; day <= 28; day++) {
            rows.add(new BacktestRequest.WeightRow("2022-01-" + (day < 10 ? "0" : "") + day, "600519.SH", 0.5));
            rows.add(new BacktestRequest.WeightRow("2022-01-" + (day < 10 ? "0" : "") + day, "600000.SH", 0.25));
        }
        BacktestRequest base = RequestParserTest.request("target_weights", rows, "2022-01-04", "2022-06-30", null, null);
        ParameterGrid.Plan plan = ParameterGrid.plan(new OptimizeRequest(base,
                List.of(stepped("commission", 0.0001, 0.0005, 0.0001), values("fill", "open", "close")), "max_return"), 100);

        assertThat(plan.points()).hasSize(10).allSatisfy(p -> {
            assertThat(p.request().weightRows()).isSameAs(plan.base().weightRows());
            assertThat(p.request().normalized().weights()).isSameAs(plan.base().normalized().weights());
        });
        assertThat(plan.points().get(9).request().spec().config().costs().commissionRate()).isEqualTo(0.0005);
        assertThat(plan.points().get(9).request().weights().stocks()).hasSize(2);
        assertThat(plan.normalized().base().weights()).hasSize(rows.size());
    }

    @Test
    void refusalsNameTheRange() {
        Object[][] cases = {
                {List.of(values("startDate", "2022-02-01")), "ranges[0].name", "cannot be varied"},
                {List.of(values("topN", 5)), "ranges[0].name", "(strategy buy_and_hold exposes no parameters)"},
                {List.of(values("slippage", 0.001), values("slippage", 0.002)), "ranges[1].name", "varied twice"},
                {List.of(values("slippage", "high")), "ranges[0].values[0]", "must be numbers"},
                {List.of(values("commission", 0.0003, 0.5)), "ranges[0].values[1]", "must be within [0, 0.1)"},
                {List.of(values("minCommission", 5, 1e308)), "ranges[0].values[1]", "must be within [0, 1000] CNY per order, got 1.0E308"},
                {List.of(values("slippage", Double.NaN)), "ranges[0].values[0]", "must be a finite number"},
                {List.of(stepped("minCommission", 0, 2000, 500)), "ranges[0]", "minCommission = 1500.0: must be within [0, 1000]"},
                {List.of(stepped("commission", 0, 0.5, 0.2)), "ranges[0]", "commission = 0.2: must be within [0, 0.1)"},
                {List.of(stepped("slippage", Double.NaN, 0.01, 0.001)), "ranges[0].from", "must be a finite number"},
                {List.of(stepped("slippage", 0, Double.POSITIVE_INFINITY, 0.001)), "ranges[0].to", "must be a finite number"},
                {List.of(stepped("slippage", 0, 0.01, Double.MIN_VALUE)), "ranges", "more than 100 points"},
                {List.of(values("slippage", new Object[200])), "ranges", "more than 100 points"},
                {List.of(values("fill", "open", "mid")), "ranges[0]", "fill = mid: Unknown fill price 'mid'"},
                {List.of(stepped("slippage", 0.001, 0.0001, 0.001)), "ranges[0].to", "must be a number >= from"},
                {List.of(stepped("slippage", 0, 1, 0.0001)), "ranges", "more than 100 points"},
                {List.of(new OptimizeRequest.Range("slippage", List.of(0.1), 0.0, 1.0, 0.5)), "ranges[0]", "either values"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            List<OptimizeRequest.Range> ranges = (List<OptimizeRequest.Range>) c[0];
            assertThatThrownBy(() -> ParameterGrid.plan(new OptimizeRequest(BASE, ranges, "max_return"), 100))
                    .as("%s", c[0])
                    .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo(c[1]))
                    .hasMessageContaining((String) c[2]);
        }
        assertThatThrownBy(() -> ParameterGrid.plan(new OptimizeRequest(BASE, List.of(values("slippage", 0.001)), "max_alpha"), 100))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("objective"))
                .hasMessage("Unknown objective 'max_alpha': expected one of max_return, max_sharpe, min_drawdown");
        assertThatThrownBy(() -> ParameterGrid.plan(new OptimizeRequest(RequestParserTest.request("buy_and_hold", null, "2022-01-04",
                "2021-01-01", List.of("600000.SH"), null), List.of(values("slippage", 0.001)), "max_return"), 100))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("base.endDate"));
    }

    @Test
    void rankingPutsTheBestFirstAndUndefinedFiguresLast() {
        JsonMapper json = JsonMapper.builder().build();
        List<GridPointRecord> points = List.of(
                new GridPointRecord(0, "{}", "{\"sharpe\":0.5,\"max_drawdown\":0.2,\"total_return\":0.1}", 1, 0, 0),
                new GridPointRecord(1, "{}", "{\"sharpe\":null,\"max_drawdown\":0.1,\"total_return\":0.3}", 1, 0, 0),
                new GridPointRecord(2, "{}", "{\"sharpe\":1.5,\"max_drawdown\":0.3,\"total_return\":-0.1}", 1, 0, 0),
                new GridPointRecord(3, "{}", "{\"sharpe\":1.5,\"max_drawdown\":0.1,\"total_return\":0.3}", 1, 0, 0));
        assertThat(Ranking.rank(points, Objective.MAX_SHARPE, json)).extracting(r -> r.point().point()).containsExactly(2, 3, 0, 1);
        assertThat(Ranking.rank(points, Objective.MIN_DRAWDOWN, json)).extracting(r -> r.point().point()).containsExactly(1, 3, 0, 2);
        assertThat(Ranking.rank(points, Objective.MAX_RETURN, json)).extracting(r -> r.point().point()).containsExactly(1, 3, 0, 2);
    }
}
