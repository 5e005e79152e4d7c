package com.alphaquant.market.csv;

import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;

/** A row of Tushare {@code stock_basic}: the reference data a backtest needs about a stock. */
public record StockBasic(TsCode tsCode, String name, String industry, LocalDate listDate, Board board)
        implements com.alphaquant.market.IndustryClassification.Listed {

    /** Whether the name carries the ST mark; today's name only: history comes from {@link com.alphaquant.market.StHistory}. */
    public boolean currentlySt() {
        return com.alphaquant.market.StHistory.isStName(name);
    }
}
