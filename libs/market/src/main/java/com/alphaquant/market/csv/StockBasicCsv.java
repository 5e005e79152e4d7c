package com.alphaquant.market.csv;

import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Tushare {@code stock_basic} rows (ts_code, name, industry, list_date). */
public final class StockBasicCsv {

    private StockBasicCsv() {
    }

    public static List<StockBasic> read(Path file) {
        List<StockBasic> rows = new ArrayList<>();
        TushareCsv.forEachRow(file, List.of("ts_code", "name", "list_date"), row -> {
            TsCode code = row.tsCode("ts_code");
            LocalDate listDate = row.date("list_date");
            Board board;
            try {
                board = Board.of(code);
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage(), e);
            }
            String industry = row.has("industry") ? row.text("industry") : "";
            rows.add(new StockBasic(code, row.required("name"), industry, listDate, board));
        });
        return rows;
    }
}
