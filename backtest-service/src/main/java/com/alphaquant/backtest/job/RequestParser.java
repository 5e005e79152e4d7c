package com.alphaquant.backtest.job;

import com.alphaquant.backtest.engine.BacktestConfig;
import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.backtest.spec.BacktestSpec.Dialect;
import com.alphaquant.backtest.spec.BacktestSpec.InvalidParameter;
import com.alphaquant.backtest.spec.BacktestSpec.Param;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.web.BadRequestException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@link BacktestRequest} with the rules the CLI uses ({@link BacktestSpec}); every
 * refusal is a {@link BadRequestException} naming the JSON field, e.g. {@code endDate} or
 * {@code weights[3].tsCode}.
 */
public final class RequestParser {

    private RequestParser() {
    }

    public static ParsedRequest parse(BacktestRequest r) {
        if (r == null) {
            throw new BadRequestException("body", "a JSON object with the backtest's parameters is required");
        }
        List<TargetWeightsStrategy.Row> rows = r.weights() == null ? null : weightRows(r.weights());
        BacktestSpec spec;
        try {
            spec = BacktestSpec.builder().strategy(r.strategy()).weightsGiven(rows != null)
                    .startDate(r.startDate()).endDate(r.endDate()).stocks(r.stocks()).universe(r.universe())
                    .initialCapital(r.initialCapital()).commission(r.commission()).minCommission(r.minCommission())
                    .stampDuty(r.stampDuty()).transferFee(r.transferFee()).slippage(r.slippage()).impact(r.impact())
                    .slippageCap(r.slippageCap()).fill(r.fill()).carryOver(r.carryOver()).riskFree(r.riskFree())
                    .benchmark(r.benchmark()).strategyParameters(r.strategyParameters()).strategyPreset(r.strategyPreset())
                    .build(Dialect.JSON);
        } catch (InvalidParameter e) {
            throw new BadRequestException(e.param().field(), e.getMessage());
        }
        if (rows != null) {
            try {
                TargetWeightsStrategy.of(rows);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(Param.WEIGHTS.field(), e.getMessage());
            }
        }
        return new ParsedRequest(normalize(spec, rows), spec, rows == null ? null : List.copyOf(rows));
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
            LocalDate date;
            try {
                date = BacktestSpec.parseDate(Dialect.JSON, Param.WEIGHTS, w.tradeDate());
            } catch (InvalidParameter e) {
                throw new BadRequestException(at + ".tradeDate", w.tradeDate() == null ? "tradeDate is required"
                        : "Invalid tradeDate '" + w.tradeDate() + "': expected yyyy-MM-dd or yyyyMMdd");
            }
            TsCode code;
            try {
                code = TsCode.of(w.tsCode());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(at + ".tsCode", e.getMessage());
            }
            if (w.weight() == null || !(w.weight() >= 0) || w.weight().isInfinite()) {
                throw new BadRequestException(at + ".weight", "weight must be a finite number >= 0 (long only), got " + w.weight());
            }
            rows.add(new TargetWeightsStrategy.Row(date, code, w.weight()));
        }
        return rows;
    }

    private static BacktestRequest normalize(BacktestSpec spec, List<TargetWeightsStrategy.Row> rows) {
        BacktestConfig c = spec.config();
        List<BacktestRequest.WeightRow> weights = rows == null ? null : rows.stream()
                .map(w -> new BacktestRequest.WeightRow(w.date().toString(), w.code().toString(), w.weight())).toList();
        List<String> stocks = spec.stocks() == null ? null : spec.stocks().stream().map(TsCode::toString).toList();
        return new BacktestRequest(spec.strategy(), weights, spec.start().toString(), spec.end().toString(), stocks,
                spec.universeAll() ? "all" : null, c.initialCapital(), c.costs().commissionRate(), nullIfNaN(c.costs().stampDutyRate()),
                nullIfNaN(c.costs().transferFeeRate()), c.costs().minCommission(), c.slippage().base(), c.slippage().impact(),
                c.slippage().cap(), c.fillPrice().label(), c.carryOver(), c.riskFreeRate(),
                spec.benchmark() == null ? "none" : spec.benchmark().toString(), spec.strategyParameters(), spec.strategyPreset());
    }

    private static Double nullIfNaN(double x) {
        return Double.isNaN(x) ? null : x;
    }
}
