package com.alphaquant.data.ingest;

import com.alphaquant.market.TsCode;
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
        if (endDate.isBefore(startDate)) {
            throw new InvalidField("end_date", "end_date " + endDate + " is before start_date " + startDate);
        }
        for (String code : tsCodes) {
            if (!TsCode.isValid(code)) {
                throw new InvalidField("ts_codes", "'" + code + "' is not a valid ts_code (e.g. 600519.SH)");
            }
        }
        datasets = Set.copyOf(datasets);
        tsCodes = List.copyOf(tsCodes);
    }

    /** Parses the API's strings: datasets "daily,adj_factor", codes "600519.SH,000001.SZ" or "all". */
    public static IngestRequest parse(String datasets, String tsCodes, LocalDate start, LocalDate end) {
        Set<Dataset> sets = new LinkedHashSet<>();
        for (String name : split(datasets)) {
            try {
                sets.add(Dataset.of(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidField("datasets", e.getMessage());
            }
        }
        List<String> codes = tsCodes == null || tsCodes.isBlank() || tsCodes.equalsIgnoreCase("all") ? List.of() : split(tsCodes);
        return new IngestRequest(sets, codes, start, end);
    }

    static IngestRequest of(IngestJob job) {
        return parse(job.getDatasets(), job.getTsCodes(), job.getStartDate(), job.getEndDate());
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The codes a dataset is fetched for: index datasets take the named index codes or the defaults. */
    public List<String> codesFor(Dataset dataset) {
        if (dataset != Dataset.INDEX_DAILY) {
            return tsCodes.stream().filter(c -> !isIndex(c)).toList();
        }
        List<String> indices = tsCodes.stream().filter(IngestRequest::isIndex).toList();
        return indices.isEmpty() ? DEFAULT_INDICES : indices;
    }

    private static boolean isIndex(String code) {
        return com.alphaquant.market.Board.of(TsCode.of(code)) == com.alphaquant.market.Board.INDEX;
    }

    public String datasetsText() {
        return String.join(",", datasets.stream().map(Dataset::apiName).sorted().toList());
    }

    public String codesText() {
        return tsCodes.isEmpty() ? "all" : String.join(",", tsCodes);
    }
}
