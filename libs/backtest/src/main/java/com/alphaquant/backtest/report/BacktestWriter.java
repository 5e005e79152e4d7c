package com.alphaquant.backtest.report;

import com.alphaquant.backtest.engine.BacktestConfig;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.engine.Fill;
import com.alphaquant.backtest.engine.RejectReason;
import com.alphaquant.backtest.engine.Rejection;
import com.alphaquant.market.rules.CostModel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run in the output contract: {@code trades.csv}, {@code equity.csv},
 * {@code rejections.csv} and {@code metrics.json}. ISO dates, money in CNY with two decimals
 * (trade prices with four: they include slippage), drawdown as a fraction.
 */
public final class BacktestWriter {

    public static final String TRADES = "trades.csv";
    public static final String EQUITY = "equity.csv";
    public static final String REJECTIONS = "rejections.csv";
    public static final String METRICS = "metrics.json";

    public static final String TRADES_HEADER =
            "trade_date,ts_code,side,shares,price,value,commission,stamp_duty,transfer_fee,slippage_cost,reason";
    public static final String EQUITY_HEADER = "trade_date,cash,market_value,equity,benchmark,drawdown";
    public static final String REJECTIONS_HEADER = "trade_date,ts_code,side,shares,reason";

    private BacktestWriter() {
    }

    /**
     * Writes the four files into {@code dir} (created if needed).
     *
     * @param runInfo extra run parameters for metrics.json (data files, universe), in order
     */
    public static void write(BacktestResult result, Path dir, Map<String, String> runInfo) {
        try {
            Files.createDirectories(dir);
            writeTrades(result.fills(), dir.resolve(TRADES));
            writeEquity(result, dir.resolve(EQUITY));
            writeRejections(result.rejections(), dir.resolve(REJECTIONS));
            Files.writeString(dir.resolve(METRICS), metricsJson(result, runInfo), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write backtest results to " + dir + ": " + e.getMessage(), e);
        }
    }

    static void writeTrades(List<Fill> fills, Path file) throws IOException {
        try (Writer out = writer(file)) {
            out.write(TRADES_HEADER);
            out.write('\n');
            StringBuilder sb = new StringBuilder(160);
            for (Fill f : fills) {
                sb.setLength(0);
                appendTrade(sb, f);
                out.append(sb);
            }
        }
    }

    /** One trades.csv line (with its newline). */
    public static void appendTrade(StringBuilder sb, Fill f) {
        sb.append(f.date()).append(',').append(f.code()).append(',').append(f.side().name().toLowerCase(Locale.ROOT)).append(',');
        Decimals.appendShares(sb, f.shares());
        sb.append(',');
        Decimals.append(sb, f.price(), 4);
        sb.append(',');
        Decimals.append(sb, f.value(), 2);
        sb.append(',');
        Decimals.append(sb, f.fees().commission(), 2);
        sb.append(',');
        Decimals.append(sb, f.fees().stampDuty(), 2);
        sb.append(',');
        Decimals.append(sb, f.fees().transferFee(), 2);
        sb.append(',');
        Decimals.append(sb, f.slippageCost(), 2);
        sb.append(',').append(f.reason()).append('\n');
    }

    static void writeEquity(BacktestResult r, Path file) throws IOException {
        double[] drawdowns = r.drawdowns();
        try (Writer out = writer(file)) {
            out.write(EQUITY_HEADER);
            out.write('\n');
            StringBuilder sb = new StringBuilder(120);
            for (int i = 0; i < r.days(); i++) {
                sb.setLength(0);
                appendEquity(sb, r.date(i), Math.round(r.cash(i) * 100), Math.round(r.marketValue(i) * 100),
                        r.hasBenchmark() ? r.benchmark(i) : Double.NaN, drawdowns[i]);
                out.append(sb);
            }
        }
    }

    /** One equity.csv line (with its newline); a NaN benchmark is an empty cell. */
    public static void appendEquity(StringBuilder sb, LocalDate date, long cashCents, long marketValueCents, double benchmark,
                                    double drawdown) {
        sb.append(date).append(',');
        Decimals.appendCents(sb, cashCents);
        sb.append(',');
        Decimals.appendCents(sb, marketValueCents);
        sb.append(',');
        Decimals.appendCents(sb, cashCents + marketValueCents);
        sb.append(',');
        if (!Double.isNaN(benchmark)) {
            Decimals.append(sb, benchmark, 2);
        }
        sb.append(',');
        Decimals.append(sb, drawdown, 8);
        sb.append('\n');
    }

    static void writeRejections(List<Rejection> rejections, Path file) throws IOException {
        try (Writer out = writer(file)) {
            out.write(REJECTIONS_HEADER);
            out.write('\n');
            StringBuilder sb = new StringBuilder(80);
            for (Rejection r : rejections) {
                sb.setLength(0);
                appendRejection(sb, r);
                out.append(sb);
            }
        }
    }

    /** One rejections.csv line (with its newline). */
    public static void appendRejection(StringBuilder sb, Rejection r) {
        sb.append(r.date()).append(',').append(r.code()).append(',').append(r.side().name().toLowerCase(Locale.ROOT)).append(',');
        Decimals.appendShares(sb, r.shares());
        sb.append(',').append(r.reason().code()).append('\n');
    }

    /** metrics.json: engine version, run parameters, metrics (null where undefined), counts. */
    public static String metricsJson(BacktestResult r, Map<String, String> runInfo) {
        BacktestConfig c = r.config();
        CostModel costs = c.costs();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("strategy", str(r.strategy()));
        params.put("start_date", str(c.start().toString()));
        params.put("end_date", str(c.end().toString()));
        params.put("first_day", str(r.date(0).toString()));
        params.put("last_day", str(r.date(r.days() - 1).toString()));
        params.put("initial_capital", Decimals.json(c.initialCapital()));
        params.put("commission", Decimals.json(costs.commissionRate()));
        params.put("min_commission", Decimals.json(costs.minCommission()));
        params.put("stamp_duty", Double.isNaN(costs.stampDutyRate()) ? str("schedule") : Decimals.json(costs.stampDutyRate()));
        params.put("transfer_fee", Double.isNaN(costs.transferFeeRate()) ? str("schedule") : Decimals.json(costs.transferFeeRate()));
        params.put("slippage", Decimals.json(c.slippage().base()));
        params.put("slippage_impact", Decimals.json(c.slippage().impact()));
        params.put("slippage_cap", Decimals.json(c.slippage().cap()));
        params.put("fill", str(c.fillPrice().label()));
        params.put("unfilled_orders", str(c.carryOver() ? "carry_over" : "lapse"));
        params.put("risk_free_rate", Decimals.json(c.riskFreeRate()));
        params.put("benchmark", r.benchmarkCode() == null ? "null" : str(r.benchmarkCode().toString()));
        params.put("universe_size", Integer.toString(r.stockCount()));
        runInfo.forEach((k, v) -> params.put(k, str(v)));

        StringBuilder sb = new StringBuilder(2048);
        sb.append("{\n");
        sb.append("  \"engine\": \"alphaquant-backtest\",\n");
        sb.append("  \"version\": ").append(str(BacktestEngine.VERSION)).append(",\n");
        sb.append("  \"parameters\": {\n");
        appendEntries(sb, params, "    ");
        sb.append("  },\n");
        sb.append("  \"metrics\": {\n");
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("days", Integer.toString(r.metrics().days()));
        r.metrics().asMap().forEach((k, v) -> metrics.put(k, Decimals.json(v)));
        metrics.put("final_equity", Decimals.json(r.finalEquity()));
        appendEntries(sb, metrics, "    ");
        sb.append("  },\n");
        sb.append("  \"counts\": {\n");
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("fills", Integer.toString(r.fills().size()));
        counts.put("rejections", Integer.toString(r.rejections().size()));
        Map<RejectReason, Integer> byReason = r.rejectionCounts();
        for (RejectReason reason : RejectReason.values()) {
            counts.put("rejected_" + reason.code(), Integer.toString(byReason.getOrDefault(reason, 0)));
        }
        appendEntries(sb, counts, "    ");
        sb.append("  }\n");
        sb.append("}\n");
        return sb.toString();
    }

    private static void appendEntries(StringBuilder sb, Map<String, String> entries, String indent) {
        int i = 0;
        for (var e : entries.entrySet()) {
            sb.append(indent).append(str(e.getKey())).append(": ").append(e.getValue());
            sb.append(++i < entries.size() ? ",\n" : "\n");
        }
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static BufferedWriter writer(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
