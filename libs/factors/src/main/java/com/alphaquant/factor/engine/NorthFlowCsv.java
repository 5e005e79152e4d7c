package com.alphaquant.factor.engine;

import com.alphaquant.market.csv.TushareCsv;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/**
 * Northbound net flow from a Tushare {@code moneyflow_hsgt} CSV ({@code trade_date},
 * {@code north_money} in millions of CNY; gzip allowed) as the series NORTH_FLOW_Z reads. An
 * empty {@code north_money} cell stays NaN: the day has no published value.
 */
public final class NorthFlowCsv {

    static final List<String> COLUMNS = List.of("trade_date", "north_money");

    private NorthFlowCsv() {
    }

    public static MarketSeries read(Path file) {
        TreeMap<Integer, Double> byDate = new TreeMap<>();
        TushareCsv.forEachRow(file, COLUMNS, row -> {
            int date = DateInts.of(row.date("trade_date"));
            if (byDate.put(date, row.optionalNumber("north_money")) != null) {
                throw row.error("trade_date " + date + " appears twice");
            }
        });
        int[] dates = byDate.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] values = byDate.values().stream().mapToDouble(Double::doubleValue).toArray();
        return new MarketSeries(dates, values);
    }
}
