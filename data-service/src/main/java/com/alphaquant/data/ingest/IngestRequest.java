package com.alphaquant.data.ingest;

import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.web.Problems;
import com.alphaquant.support.web.TradingDates;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to ingest: datasets, stocks (empty = the whole market) and a date range. Validated at
 * construction; each message names the field.
 */
public record IngestRequest(Set<Dataset> datasets, List<String> tsCodes, LocalDate startDate, LocalDate endDate) {

    /** Indices loaded for {@code index_daily} when no index codes are named. */
    public static final List<String> DEFAULT_INDICES = List.of("000300.SH", "000001.SH", "399001.SZ", "399006.SZ");

    /** Indices whose constituents {@code index_weight} loads when no index codes are named: the CSI 300. */
    public static final List<String> WEIGHTED_INDICES = List.of("000300.SH");

    /** A request field that is not acceptable, named for the API's problem body. */
    public static class InvalidField extends IllegalArgumentException {
        private final String field;

        public InvalidField(String field, String reason) {
            super(reason);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public IngestRequest {
        if (datasets == null || datasets.isEmpty()) {
            throw new InvalidField("datasets", "at least one dataset is required");
        }
        if (startDate == null) {
            throw new InvalidField("start_date", "start_date is required");
        }
        if (endDate == null) {
            throw new InvalidField("end_date", "end_date is required");
        }
        if (!TradingDates.isWithin(startDate)) {
            throw new InvalidField("start_date", TradingDates.outsideReason(startDate));
        }
        if (!TradingDates.isWithin(endDate)) {
            throw new InvalidField("end_date", TradingDates.outsideReason(endDate));
        }
        if (endDate.isBefore(startDate)) {
            throw new InvalidField("end_date", "end_date " + endDate + " is before start_date " + startDate);
        }
        for (String code : tsCodes) {
            if (!TsCode.isValid(code)) {
                throw new InvalidField("ts_codes", Problems.quote(code) + " is not a valid ts_code (e.g. 600519.SH)");
            }
            try {
                Board.of(TsCode.of(code));
            } catch (IllegalArgumentException e) { // B shares, funds, bonds: not traded by this platform
                throw new InvalidField("ts_codes", e.getMessage());
            }
        }
        datasets = Set.copyOf(datasets);
        tsCodes = List.copyOf(tsCodes);
    }

    /**
     * Parses the API's strings: datasets "daily,adj_factor", codes "600519.SH,000001.SZ" or "all".
     * The whole market is only ever the explicit word {@code all}: no codes, or blank ones, is an error.
     */
    public static IngestRequest parse(String datasets, String tsCodes, LocalDate start, LocalDate end) {
        Set<Dataset> sets = new LinkedHashSet<>();
        for (String name : split(datasets)) {
            try {
                sets.add(Dataset.of(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidField("datasets", e.getMessage());
            }
        }
        if (tsCodes == null || tsCodes.isBlank()) {
            throw new InvalidField("ts_codes", "is required: stock codes, or all for the whole market");
        }
        if (tsCodes.strip().equalsIgnoreCase("all")) {
            return new IngestRequest(sets, List.of(), start, end);
        }
        List<String> codes = Arrays.stream(tsCodes.split(",", -1)).map(String::strip).toList();
        for (String code : codes) {
            if (code.isEmpty()) {
                throw new InvalidField("ts_codes", "lists an empty code; name stocks, or all for the whole market");
            }
            if (code.equalsIgnoreCase("all")) {
                throw new InvalidField("ts_codes", "all stands alone: the whole market, or a list of codes, not both");
            }
        }
        return new IngestRequest(sets, codes, start, end);
    }

    static IngestRequest of(IngestJob job) {
        return parse(job.getDatasets(), job.getTsCodes(), job.getStartDate(), job.getEndDate());
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The codes a dataset is fetched for (none: the whole market): index datasets take the named index codes or the defaults. */
    public List<String> codesFor(Dataset dataset) {
        if (dataset.isMarketWide()) {
            return List.of();
        }
        if (dataset == Dataset.INDEX_WEIGHT) {
            List<String> indices = tsCodes.stream().filter(IngestRequest::isIndex).toList();
            return indices.isEmpty() ? WEIGHTED_INDICES : indices;
        }
        if (dataset != Dataset.INDEX_DAILY) {
            return tsCodes.stream().filter(c -> !isIndex(c)).toList();
        }
        List<String> indices = tsCodes.stream().filter(IngestRequest::isIndex).toList();
        return indices.isEmpty() ? DEFAULT_INDICES : indices;
    }

    private static boolean isIndex(String code) {
        return Board.of(TsCode.of(code)) == Board.INDEX;
    }

    public String datasetsText() {
        return String.join(",", datasets.stream().map(Dataset::apiName).sorted().toList());
    }

    public String codesText() {
        return tsCodes.isEmpty() ? "all" : String.join(",", tsCodes);
    }
}
