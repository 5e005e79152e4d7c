package com.alphaquant.market.synthetic;

import com.alphaquant.market.Bar;
import com.alphaquant.market.IndexWeight;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.IndexWeightCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.csv.StockBasicCsv;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A synthetic CSI 300 ({@code 000300.SH}) {@code index_weight} history over the real sample,
 * which carries none. On the last trading day of each month from 2018-01 to 2022-12 the members
 * are the {@value #MEMBERS} stocks of the 350-stock sample, listed at least
 * {@value #MIN_LISTED_DAYS} days, with the largest average amount over the trailing
 * {@value #WINDOW} sessions; a member's weight is proportional to that amount times a per-stock
 * "free-float" factor in [0.3, 1] drawn from a seeded RNG, in percent summing to 100. Liquidity
 * moves, so membership changes from month to month, as the real index's does at its reviews.
 * The output is a pure function of the sample and the seed.
 */
public final class IndexWeightGenerator {

    public static final TsCode INDEX = TsCode.of("000300.SH");
    public static final long SEED = 300L;
    /** The fixture's name under {@code data/sample}. */
    public static final String FIXTURE = "synthetic/index_weight_000300SH_201801_202212.csv.gz";
    static final int MEMBERS = 300;
    static final int WINDOW = 60;
    static final int MIN_LISTED_DAYS = 90;
    static final YearMonth FIRST = YearMonth.of(2018, 1);
    static final YearMonth LAST = YearMonth.of(2022, 12);

    private IndexWeightGenerator() {
    }

    /** Writes the fixture; the one argument, if given, is the sample folder (default: {@link SampleData#dir()}). */
    public static void main(String[] args) {
        Path dir = args.length > 0 ? Path.of(args[0]) : SampleData.dir();
        List<IndexWeight> rows = generate(dir, SEED);
        Path out = dir.resolve(FIXTURE);
        IndexWeightCsv.write(out, rows);
        System.out.println("wrote " + rows.size() + " rows to " + out);
    }

    /** The rows, oldest date first, then by weight descending and code. */
    public static List<IndexWeight> generate(Path sampleDir, long seed) {
        List<Bar> bars = BarCsv.read(sampleDir.resolve(SampleData.BARS_QFQ_350));
        Map<TsCode, LocalDate> listed = new HashMap<>();
        for (StockBasic s : StockBasicCsv.read(sampleDir.resolve(SampleData.STOCK_BASIC))) {
            listed.put(s.tsCode(), s.listDate());
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        Map<TsCode, TreeMap<LocalDate, Double>> amounts = new TreeMap<>();
        for (Bar b : bars) {
            days.add(b.tradeDate());
            amounts.computeIfAbsent(b.tsCode(), c -> new TreeMap<>()).put(b.tradeDate(), b.amount());
        }
        Random rng = new Random(seed);
        Map<TsCode, Double> freeFloat = new HashMap<>();
        for (TsCode code : amounts.keySet()) { // sorted, so each stock's draw is fixed by the seed
            freeFloat.put(code, 0.3 + 0.7 * rng.nextDouble());
        }
        List<IndexWeight> out = new ArrayList<>();
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            LocalDate date = days.floor(m.atEndOfMonth());
            if (date == null || date.isBefore(m.atDay(1))) {
                continue;
            }
            LocalDate windowStart = trailingStart(days, date);
            List<Map.Entry<TsCode, Double>> ranked = new ArrayList<>();
            for (Map.Entry<TsCode, TreeMap<LocalDate, Double>> e : amounts.entrySet()) {
                LocalDate listDate = listed.get(e.getKey());
                if (listDate == null || listDate.plusDays(MIN_LISTED_DAYS).isAfter(date)) {
                    continue;
                }
                Map<LocalDate, Double> window = e.getValue().subMap(windowStart, true, date, true);
                if (!window.isEmpty()) {
                    double avg = window.values().stream().mapToDouble(Double::doubleValue).sum() / window.size();
                    ranked.add(Map.entry(e.getKey(), avg));
                }
            }
            ranked.sort(Map.Entry.<TsCode, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey));
            List<Map.Entry<TsCode, Double>> members = ranked.subList(0, Math.min(MEMBERS, ranked.size()));
            double total = members.stream().mapToDouble(e -> e.getValue() * freeFloat.get(e.getKey())).sum();
            List<IndexWeight> month = new ArrayList<>();
            for (Map.Entry<TsCode, Double> e : members) {
                double pct = Math.round(1e6 * e.getValue() * freeFloat.get(e.getKey()) / total) / 1e4;
                month.add(new IndexWeight(INDEX, e.getKey(), date, pct));
            }
            month.sort(Comparator.comparingDouble(IndexWeight::weight).reversed().thenComparing(w -> w.conCode().toString()));
            out.addAll(month);
        }
        return out;
    }

    /** The first of the {@value #WINDOW} sessions ending on {@code date}. */
    private static LocalDate trailingStart(TreeSet<LocalDate> days, LocalDate date) {
        LocalDate start = date;
        int n = 1;
        for (LocalDate d : days.headSet(date, false).descendingSet()) {
            if (n++ >= WINDOW) {
                break;
            }
            start = d;
        }
        return start;
    }
}
