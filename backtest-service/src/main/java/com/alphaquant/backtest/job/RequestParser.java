package com.alphaquant.backtest.job;

import com.alphaquant.backtest.engine.BacktestConfig;
import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.backtest.spec.BacktestSpec.Dialect;
import com.alphaquant.backtest.spec.BacktestSpec.InvalidParameter;
import com.alphaquant.backtest.spec.BacktestSpec.Param;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.Problems;
import com.alphaquant.support.web.TradingDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Checks a {@link BacktestRequest} with the rules the CLI uses ({@link BacktestSpec}), after the
 * edge's own: every number finite and within {@link Limits}, dates within the trading calendar's
 * range ({@link TradingDates}) and ordered, stocks A-share stocks (no B shares, funds or indices;
 * the whole market is {@code universe: "all"}), the benchmark an index. Every refusal is a
 * {@link BadRequestException} naming the JSON field, e.g. {@code endDate} or {@code weights[3].tsCode}.
 */
public final class RequestParser {

    private RequestParser() {
    }

    public static ParsedRequest parse(BacktestRequest r) {
        if (r == null) {
            throw new BadRequestException("body", "a JSON object with the backtest's parameters is required");
        }
        List<TargetWeightsStrategy.Row> rows = r.weights() == null ? null : weightRows(r.weights());
        return parse(r, rows, null);
    }

    /**
     * One point of an optimisation grid: {@code point} without weights, the base's weights (already
     * checked) reused, so that a grid of many points over a large weight table holds one copy.
     */
    static ParsedRequest parsePoint(BacktestRequest point, ParsedRequest base) {
        return parse(point, base.weightRows(), base.normalized().weights());
    }

    private static ParsedRequest parse(BacktestRequest r, List<TargetWeightsStrategy.Row> rows,
                                       List<BacktestRequest.WeightRow> checkedWeights) {
        Limits.check("initialCapital", r.initialCapital());
        Limits.check("commission", r.commission());
        Limits.check("minCommission", r.minCommission());
        Limits.check("stampDuty", r.stampDuty());
        Limits.check("transferFee", r.transferFee());
        Limits.check("slippage", r.slippage());
        Limits.check("impact", r.impact());
        Limits.check("slippageCap", r.slippageCap());
        Limits.check("riskFree", r.riskFree());
        LocalDate start = r.startDate() == null ? null : TradingDates.parse(Param.START_DATE.field(), r.startDate());
        LocalDate end = r.endDate() == null ? null : TradingDates.parse(Param.END_DATE.field(), r.endDate());
        if (start != null && end != null && end.isBefore(start)) {
            throw new BadRequestException(Param.END_DATE.field(), "endDate " + end + " is before startDate " + start);
        }
        if (r.stocks() != null) {
            for (int i = 0; i < r.stocks().size(); i++) {
                String code = r.stocks().get(i);
                if (code != null && !code.isBlank()) {
                    stock("stocks[" + i + "]", code.trim());
                }
            }
        }
        if (r.benchmark() != null && !r.benchmark().trim().equalsIgnoreCase("none")) {
            index(Param.BENCHMARK.field(), r.benchmark().trim());
        }
        BacktestSpec spec;
        try {
            spec = BacktestSpec.builder().strategy(r.strategy()).weightsGiven(rows != null)
                    .startDate(start == null ? null : start.toString()).endDate(end == null ? null : end.toString())
                    .stocks(r.stocks()).universe(r.universe())
                    .initialCapital(r.initialCapital()).commission(r.commission()).minCommission(r.minCommission())
                    .stampDuty(r.stampDuty()).transferFee(r.transferFee()).slippage(r.slippage()).impact(r.impact())
                    .slippageCap(r.slippageCap()).fill(r.fill()).carryOver(r.carryOver()).riskFree(r.riskFree())
                    .benchmark(r.benchmark()).strategyParameters(r.strategyParameters()).strategyPreset(r.strategyPreset())
                    .model(r.model()).build(Dialect.JSON);
        } catch (InvalidParameter e) {
            throw new BadRequestException(e.param().field(), e.getMessage());
        }
        if (spec.model() != null) {
            modelId(spec.model());
        }
        if (rows != null && checkedWeights == null) {
            try {
                TargetWeightsStrategy.of(rows);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(Param.WEIGHTS.field(), e.getMessage());
            }
        }
        return new ParsedRequest(normalize(spec, rows, checkedWeights), spec, rows == null ? null : List.copyOf(rows));
    }

    /** The id of a model-service model, a UUID as GET /api/models lists them. */
    static UUID modelId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(Param.MODEL.field(), Problems.quote(text)
                    + " is not a model id: expected the id of a model in model-service (GET /api/models), a UUID");
        }
    }

    /** An A-share stock's code: not a B share, fund or bond, not an index. */
    private static TsCode stock(String field, String text) {
        TsCode code = code(field, text);
        Board board;
        try {
            board = Board.of(code);
        } catch (IllegalArgumentException e) { // B shares, funds, bonds
            throw new BadRequestException(field, e.getMessage());
        }
        if (board == Board.INDEX) {
            throw new BadRequestException(field, code + " is an index, not a stock");
        }
        return code;
    }

    private static TsCode index(String field, String text) {
        TsCode code = code(field, text);
        if (!isIndex(code)) {
            throw new BadRequestException(field, code + " is not an index: the benchmark is an index such as 000300.SH, or \"none\"");
        }
        return code;
    }

    private static boolean isIndex(TsCode code) {
        try {
            return Board.of(code) == Board.INDEX;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static TsCode code(String field, String text) {
        if (!TsCode.isValid(text)) {
            throw new BadRequestException(field, Problems.quote(text) + " is not a ts_code: expected six digits, a dot and SH, SZ "
                    + "or BJ, e.g. 600519.SH" + (text.equalsIgnoreCase("all") ? " (the whole market is universe: \"all\")" : ""));
        }
        return TsCode.of(text);
    }

    private static List<TargetWeightsStrategy.Row> weightRows(List<BacktestRequest.WeightRow> given) {
        if (given.isEmpty()) {
            throw new BadRequestException("weights", "weights has no rows");
        }
        List<TargetWeightsStrategy.Row> rows = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            BacktestRequest.WeightRow w = given.get(i);
            String at = "weights[" + i + "]";
            if (w == null) {
                throw new BadRequestException(at, "a weight row {tradeDate, tsCode, weight} is required");
            }
            LocalDate date = TradingDates.parse(at + ".tradeDate", w.tradeDate());
            if (w.tsCode() == null) {
                throw new BadRequestException(at + ".tsCode", "tsCode is required");
            }
            TsCode code = stock(at + ".tsCode", w.tsCode());
            if (w.weight() == null) {
                throw new BadRequestException(at + ".weight", "weight is required: a finite number >= 0 (long only)");
            }
            Limits.check(at + ".weight", Limits.WEIGHT, w.weight());
            rows.add(new TargetWeightsStrategy.Row(date, code, w.weight()));
        }
        return rows;
    }

    private static BacktestRequest normalize(BacktestSpec spec, List<TargetWeightsStrategy.Row> rows,
                                             List<BacktestRequest.WeightRow> checkedWeights) {
        BacktestConfig c = spec.config();
        List<BacktestRequest.WeightRow> weights = checkedWeights != null ? checkedWeights : rows == null ? null : rows.stream()
                .map(w -> new BacktestRequest.WeightRow(w.date().toString(), w.code().toString(), w.weight())).toList();
        List<String> stocks = spec.stocks() == null ? null : spec.stocks().stream().map(TsCode::toString).toList();
        return new BacktestRequest(spec.strategy(), weights, spec.start().toString(), spec.end().toString(), stocks,
                spec.universeAll() ? "all" : spec.universeIndex() == null ? null : spec.universeIndex().toString(), c.initialCapital(), c.costs().commissionRate(), nullIfNaN(c.costs().stampDutyRate()),
                nullIfNaN(c.costs().transferFeeRate()), c.costs().minCommission(), c.slippage().base(), c.slippage().impact(),
                c.slippage().cap(), c.fillPrice().label(), c.carryOver(), c.riskFreeRate(),
                spec.benchmark() == null ? "none" : spec.benchmark().toString(), spec.strategyParameters(), spec.strategyPreset(),
                spec.model());
    }

    private static Double nullIfNaN(double x) {
        return Double.isNaN(x) ? null : x;
    }
}
