package com.alphaquant.market.csv;

import com.alphaquant.market.NameChange;
import com.alphaquant.market.StHistory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Tushare {@code namechange} rows (ts_code, name, start_date, end_date; ann_date and
 * change_reason are not needed): the ST history of {@link StHistory}. An empty end_date, or
 * none in the file, is a name still in force.
 */
public final class NameChangeCsv {

    static final List<String> COLUMNS = List.of("ts_code", "name", "start_date");

    private NameChangeCsv() {
    }

    public static List<NameChange> read(Path file) {
        List<NameChange> rows = new ArrayList<>();
        TushareCsv.forEachRow(file, COLUMNS, row -> rows.add(toNameChange(row)));
        return rows;
    }

    /** The ST history of a namechange file. */
    public static StHistory history(Path file) {
        return StHistory.of(read(file));
    }

    /** One row; a row no real name change could have fails naming its line. */
    public static NameChange toNameChange(CsvRow row) {
        var tsCode = row.tsCode("ts_code");
        String name = row.required("name");
        LocalDate start = row.date("start_date");
        LocalDate end = row.has("end_date") ? row.date("end_date") : null;
        try {
            return new NameChange(tsCode, name, start, end);
        } catch (IllegalArgumentException e) {
            throw row.error(e.getMessage(), e);
        }
    }
}
