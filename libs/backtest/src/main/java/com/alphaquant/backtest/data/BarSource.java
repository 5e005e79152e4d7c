package com.alphaquant.backtest.data;

import com.alphaquant.market.Bar;
import com.alphaquant.market.IndexWeight;
import com.alphaquant.market.IndustryClassification;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.LimitCrossCheck.ExchangeLimit;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where a backtest's market data comes from: raw daily bars with adjustment factors (Tushare
 * units), index bars, listing dates, the exchange calendar and which stocks were ST on which days. Implementations: data-service's
 * REST API (service-support's {@code DataServiceBarSource}) or the real sample CSVs (backtest-service's
 * {@code BundledSampleBarSource}).
 * A source that cannot be reached fails with {@link DataUnavailableException}.
 */
public interface BarSource {

    /** What this source is, for messages and the run's record, e.g. {@code data-service http://...}. */
    String describe();

    /** The exchange calendar covering at least [from, to] as far as the source has it. */
    TradingCalendar calendar(LocalDate from, LocalDate to);

    /** Every stock the source knows, with its listing date. */
    Map<TsCode, LocalDate> listDates();

    /** A stock's raw bars in [from, to], in date order; empty when it has none there. */
    List<Bar> bars(TsCode stock, LocalDate from, LocalDate to);

    /** An index's bars in [from, to], in date order; empty when it has none there. */
    List<Bar> indexBars(TsCode index, LocalDate from, LocalDate to);

    /**
     * Which stocks bore an ST name on which days of [from, to] (Tushare namechange): their
     * price limits depend on it. A source without name history fails rather than answer "never
     * ST", which would give ST stocks the normal band.
     */
    StHistory stHistory(LocalDate from, LocalDate to);

    /**
     * An index's constituents with their weights: every publication in [from, to] and the one in
     * force on {@code from}, for a point-in-time universe. A source without them fails rather than
     * answer "no members".
     */
    default List<IndexWeight> indexWeights(TsCode index, LocalDate from, LocalDate to) {
        throw new DataUnavailableException(describe() + " has no index constituents: a universe such as " + index
                + " cannot be traded from it");
    }

    /**
     * The exchange's limit prices (Tushare stk_limit) of {@code stocks} in [from, to], which a run
     * prefers to the rule book's on the stock-days they cover (SPEC section 1). Empty where the
     * source stores none: the rule book then sets every limit. Default: none.
     */
    default List<ExchangeLimit> exchangeLimits(Collection<TsCode> stocks, LocalDate from, LocalDate to) {
        return List.of();
    }

    /**
     * The stocks' industries through time, for industry-neutral strategies (Shenwan L1 from
     * data-service; the sample's stock_basic industries otherwise); default: none.
     */
    default IndustryClassification industries() {
        return IndustryClassification.NONE;
    }
}
