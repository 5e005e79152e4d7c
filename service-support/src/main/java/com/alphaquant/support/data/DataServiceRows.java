package com.alphaquant.support.data;

import com.alphaquant.market.Bar;
import com.alphaquant.market.IndustryMembership;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;

/**
 * data-service's JSON rows as market types. A row that cannot be used fails with an
 * {@link IllegalArgumentException} naming the field, for the client to report as data-service's
 * fault (never the caller's).
 */
public final class DataServiceRows {

    private DataServiceRows() {
    }

    /** A bar view (Tushare units): raw prices; {@code adjFactor} null (not yet ingested) is NaN. */
    public static Bar bar(JsonNode row) {
        JsonNode adj = row.path("adjFactor");
        return new Bar(TsCode.of(text(row, "tsCode")), date(row, "tradeDate"), number(row, "open"), number(row, "high"),
                number(row, "low"), number(row, "close"), number(row, "preClose"), number(row, "vol"), number(row, "amount"),
                adj.isNumber() ? adj.asDouble() : Double.NaN);
    }

    /** An ST episode: the days a stock bore one ST name ({@code endDate} null: still ST). */
    public static StHistory.Episode stEpisode(JsonNode row) {
        return new StHistory.Episode(TsCode.of(text(row, "tsCode")), text(row, "name"), date(row, "startDate"),
                optionalDate(row, "endDate"));
    }

    /** A stock's membership of a (Shenwan L1) industry ({@code outDate} null: still a member). */
    public static IndustryMembership industryMembership(JsonNode row) {
        return new IndustryMembership(text(row, "industryCode"), text(row, "name"), TsCode.of(text(row, "tsCode")),
                date(row, "inDate"), optionalDate(row, "outDate"));
    }

    public static String text(JsonNode row, String field) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return v.asString();
    }

    public static double number(JsonNode row, String field) {
        JsonNode v = row.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("field '" + field + "' is not a number");
        }
        return v.asDouble();
    }

    public static LocalDate date(JsonNode row, String field) {
        return LocalDate.parse(text(row, field));
    }

    /** The date, or null when the field is absent or null. */
    public static LocalDate optionalDate(JsonNode row, String field) {
        String v = row.path(field).asString(null);
        return v == null ? null : LocalDate.parse(v);
    }
}
