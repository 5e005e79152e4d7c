package com.alphaquant.data.tushare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Tushare reply's {@code data}: column names and rows, as Tushare sends them (numbers as
 * JSON numbers, dates as yyyyMMdd strings, missing values null).
 */
public record TushareTable(List<String> fields, List<List<Object>> items, boolean hasMore) {

    public TushareTable {
        fields = List.copyOf(fields);
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    /** Column positions by name, for reading rows without searching the field list each time. */
    public Map<String, Integer> columns() {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            columns.put(fields.get(i), i);
        }
        return columns;
    }
}
