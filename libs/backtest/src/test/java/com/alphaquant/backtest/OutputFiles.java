package com.alphaquant.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the written output files back, independently of the engine's classes. */
public final class OutputFiles {

    private OutputFiles() {
    }

    public record Trade(LocalDate date, String code, String side, BigDecimal shares, BigDecimal price, BigDecimal value,
                        BigDecimal commission, BigDecimal stampDuty, BigDecimal transferFee, BigDecimal slippage,
                        String reason) {

        public boolean buy() {
            return side.equals("buy");
        }

        /** The signed cash movement in cents. */
        public long cashFlowCents() {
            long fees = cents(commission) + cents(stampDuty) + cents(transferFee);
            return buy() ? -(cents(value) + fees) : cents(value) - fees;
        }
    }

    public record EquityRow(LocalDate date, long cash, long marketValue, long equity, BigDecimal benchmark, double drawdown) {}

    public record RejectionRow(LocalDate date, String code, String side, BigDecimal shares, String reason) {}

    public static long cents(BigDecimal money) {
        return money.movePointRight(2).longValueExact();
    }

    public static List<String[]> rows(Path file, String header) {
        try {
            List<String> lines = Files.readAllLines(file);
            if (!lines.get(0).equals(header)) {
                throw new AssertionError(file.getFileName() + " header is '" + lines.get(0) + "', expected '" + header + "'");
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                rows.add(line.split(",", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Trade> trades(Path dir) {
        List<Trade> out = new ArrayList<>();
        for (String[] c : rows(dir.resolve("trades.csv"),
                "trade_date,ts_code,side,shares,price,value,commission,stamp_duty,transfer_fee,slippage_cost,reason")) {
            out.add(new Trade(LocalDate.parse(c[0]), c[1], c[2], new BigDecimal(c[3]), new BigDecimal(c[4]), new BigDecimal(c[5]),
                    new BigDecimal(c[6]), new BigDecimal(c[7]), new BigDecimal(c[8]), new BigDecimal(c[9]), c[10]));
        }
        return out;
    }

    public static List<EquityRow> equity(Path dir) {
        List<EquityRow> out = new ArrayList<>();
        for (String[] c : rows(dir.resolve("equity.csv"), "trade_date,cash,market_value,equity,benchmark,drawdown")) {
            out.add(new EquityRow(LocalDate.parse(c[0]), cents(new BigDecimal(c[1])), cents(new BigDecimal(c[2])),
                    cents(new BigDecimal(c[3])), c[4].isEmpty() ? null : new BigDecimal(c[4]), Double.parseDouble(c[5])));
        }
        return out;
    }

    public static List<RejectionRow> rejections(Path dir) {
        List<RejectionRow> out = new ArrayList<>();
        for (String[] c : rows(dir.resolve("rejections.csv"), "trade_date,ts_code,side,shares,reason")) {
            out.add(new RejectionRow(LocalDate.parse(c[0]), c[1], c[2], new BigDecimal(c[3]), c[4]));
        }
        return out;
    }

    private static final Pattern NUMBER = Pattern.compile("\"([a-z_0-9]+)\": (-?[0-9.Ee+-]+|null)");

    /** Every numeric (or null) entry of metrics.json by key; later sections win on clashes. */
    public static Map<String, Double> metrics(Path dir) {
        try {
            String json = Files.readString(dir.resolve("metrics.json"));
            Map<String, Double> out = new HashMap<>();
            Matcher m = NUMBER.matcher(json);
            while (m.find()) {
                out.put(m.group(1), m.group(2).equals("null") ? Double.NaN : Double.parseDouble(m.group(2)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
