package com.alphaquant.market;

import java.time.LocalDate;

/**
 * One row of Tushare {@code index_weight}: {@code conCode} was a constituent of {@code indexCode}
 * on {@code tradeDate} with {@code weight} percent of the index. Valid by construction.
 */
public record IndexWeight(TsCode indexCode, TsCode conCode, LocalDate tradeDate, double weight) {

    public IndexWeight {
        if (indexCode == null || conCode == null || tradeDate == null) {
            throw new IllegalArgumentException("An index weight needs index_code, con_code and trade_date");
        }
        if (!Double.isFinite(weight) || weight < 0 || weight > 100) {
            throw new IllegalArgumentException("Weight of " + conCode + " in " + indexCode + " on " + tradeDate
                    + " is " + weight + ": expected a percentage in [0, 100]");
        }
    }
}
