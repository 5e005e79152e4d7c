package com.alphaquant.factor.mining;

import static com.alphaquant.support.web.RequestValues.within;

import com.alphaquant.alpha.mine.AlphaMining;
import com.alphaquant.alpha.mine.Miner;
import com.alphaquant.alpha.mine.MiningSetup;
import com.alphaquant.alpha.mine.MiningTask;
import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.Problems;
import com.alphaquant.support.web.TradingDates;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A mining job as the caller asked for it; {@link #withDefaults} fills in what was left out and
 * turns a value out of range into a {@link BadRequestException} naming it. The formulas are
 * scored on three splits of [startDate, endDate] by date: train before {@code validStart}, valid
 * before {@code testStart}, test after, with a gap of the label {@code horizon} before each
 * boundary; without the two dates the range splits 60/20/20 by calendar days.
 *
 * @param method         the miner ({@link AlphaMining#miner}): {@code gp}, or {@code rl} where its miner is on the class path
 * @param budget         candidate formulas to evaluate
 * @param seed           fixes the search (drawn at submission when absent, and stored, so a rerun finds the same)
 * @param maxCorrelation a candidate correlated above this with a built-in factor or a pool member is refused
 * @param poolSize       the most formulas the pool keeps
 * @param maxTokens      the longest formula, in RPN tokens
 * @param horizon        the label: the return over this many sessions ahead
 * @param tsCodes        the stocks to mine on; empty: every stock of the bar source
 */
public record MineRequest(String method, Integer budget, LocalDate startDate, LocalDate endDate, LocalDate validStart,
                          LocalDate testStart, Integer horizon, Long seed, Double maxCorrelation, Integer poolSize,
                          Integer maxTokens, List<String> tsCodes) {

    public static final int MAX_BUDGET = 1_000_000;

    /**
     * Every field set: what was sent, else its default.
     *
     * @param miners the miner of a method ({@link AlphaMining#miner}): refuses an unknown or unavailable one
     * @param seeds  draws a seed when none was sent
     * @throws BadRequestException naming the first field at fault
     */
    public MineRequest withDefaults(Function<String, Miner> miners, LongSupplier seeds) {
        if (method == null || method.isBlank()) {
            throw new BadRequestException("method", "is required: gp or rl");
        }
        try {
            miners.apply(method);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("method", e.getMessage());
        }
        if (budget == null) {
            throw new BadRequestException("budget", "is required: the number of candidate formulas to evaluate");
        }
        within("budget", budget, 0, 1, MAX_BUDGET);
        LocalDate start = TradingDates.require("startDate", startDate);
        LocalDate end = TradingDates.require("endDate", endDate);
        if (!start.isBefore(end)) {
            throw new BadRequestException("endDate", "must be after startDate " + start);
        }
        if ((validStart == null) != (testStart == null)) {
            throw new BadRequestException(validStart == null ? "validStart" : "testStart", "validStart and testStart go together");
        }
        long days = ChronoUnit.DAYS.between(start, end);
        LocalDate valid = validStart == null ? start.plusDays(Math.round(days * 0.6)) : validStart;
        LocalDate test = testStart == null ? start.plusDays(Math.round(days * 0.8)) : testStart;
        if (!start.isBefore(valid)) {
            throw new BadRequestException("validStart", "must be after startDate " + start);
        }
        if (!valid.isBefore(test)) {
            throw new BadRequestException("testStart", "must be after validStart " + valid);
        }
        if (test.isAfter(end)) {
            throw new BadRequestException("testStart", "must not be after endDate " + end);
        }
        List<String> codes = tsCodes == null ? List.of() : List.copyOf(tsCodes);
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || !TsCode.isValid(code) || !Board.isStock(TsCode.of(code))) {
                throw new BadRequestException("tsCodes[" + i + "]", Problems.quote(code) + " is not a stock's ts_code such as 600000.SH");
            }
        }
        double correlation = maxCorrelation == null ? MiningTask.DEFAULT_MAX_CORRELATION : maxCorrelation;
        if (!(correlation > 0 && correlation <= 1)) {
            throw new BadRequestException("maxCorrelation", "must lie in (0, 1], got " + correlation);
        }
        return new MineRequest(method, budget, start, end, valid, test,
                within("horizon", horizon, MiningSetup.DEFAULT_HORIZON, 1, 60), seed == null ? seeds.getAsLong() : seed, correlation,
                within("poolSize", poolSize, MiningTask.DEFAULT_POOL_CAPACITY, 1, 50),
                within("maxTokens", maxTokens, MiningTask.DEFAULT_MAX_TOKENS, 3, 30), codes);
    }

    /** The dates and label libs/alpha scores the formulas on. */
    public MiningSetup setup() {
        return new MiningSetup(startDate, endDate, validStart, testStart, horizon);
    }
}
