package com.alphaquant.backtest.data;

import com.alphaquant.market.Bar;
import com.alphaquant.market.IndexWeight;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.ExchangeLimitCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.rules.LimitCrossCheck.ExchangeLimit;
import com.alphaquant.market.csv.IndexWeightCsv;
import com.alphaquant.market.csv.NameChangeCsv;
import com.alphaquant.market.IndustryClassification;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.csv.StockBasicCsv;
import com.alphaquant.market.csv.TradeCalCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bars from the real Tushare sample CSVs in one folder (the repository's {@code data/sample} by
 * default): a raw daily file with {@code adj_factor_rel}
 * ({@code daily_raw_adj_*.csv*} unless configured), {@code index_daily_*}, {@code stock_basic_*},
 * {@code trade_cal_*} and {@code namechange_*} (the ST history), and where present the synthetic
 * exchange limit prices ({@link SampleData#SYNTHETIC_STK_LIMIT}). The files are read once, on first
 * use, and kept in memory.
 */
public final class BundledSampleBarSource implements BarSource {

    private final Path dir;
    private final String barsPattern;
    private volatile Loaded loaded;
    private volatile List<IndexWeight> weights;
    private volatile Map<TsCode, List<ExchangeLimit>> limits;

    private record Loaded(Map<TsCode, List<Bar>> stocks, Map<TsCode, List<Bar>> indices, Map<TsCode, LocalDate> listDates,
                          TradingCalendar calendar, StHistory st, String barsFile, IndustryClassification industries) {}

    public BundledSampleBarSource(Path dir, String barsPattern) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalStateException("alphaquant.backtest.sample-dir must name the folder of the sample CSVs "
                    + "(daily_raw_adj_*, index_daily_*, stock_basic_*, trade_cal_*, namechange_*) when alphaquant.backtest.bars=files; got "
                    + (dir == null ? "nothing" : dir.toAbsolutePath()));
        }
        this.dir = dir;
        this.barsPattern = barsPattern;
    }

    @Override
    public String describe() {
        return "files " + dir.toAbsolutePath().normalize().resolve(data().barsFile());
    }

    @Override
    public TradingCalendar calendar(LocalDate from, LocalDate to) {
        return data().calendar();
    }

    @Override
    public Map<TsCode, LocalDate> listDates() {
        return data().listDates();
    }

    @Override
    public List<Bar> bars(TsCode stock, LocalDate from, LocalDate to) {
        return slice(data().stocks().get(stock), from, to);
    }

    @Override
    public List<Bar> indexBars(TsCode index, LocalDate from, LocalDate to) {
        return slice(data().indices().get(index), from, to);
    }

    @Override
    public StHistory stHistory(LocalDate from, LocalDate to) {
        return data().st();
    }

    /** From the synthetic fixture {@code synthetic/index_weight_*.csv*} of the folder (docs/DATA.md), read on first use. */
    @Override
    public List<IndexWeight> indexWeights(TsCode index, LocalDate from, LocalDate to) {
        List<IndexWeight> all = weights;
        if (all == null) {
            synchronized (this) {
                if (weights == null) {
                    weights = IndexWeightCsv.read(one(dir.resolve("synthetic"), "index_weight_*.csv*"));
                }
                all = weights;
            }
        }
        return all.stream().filter(w -> w.indexCode().equals(index) && !w.tradeDate().isAfter(to)).toList();
    }

    /**
     * From the synthetic fixture {@link SampleData#SYNTHETIC_STK_LIMIT} of the folder when it has
     * one (docs/DATA.md), read on first use; none otherwise, and the rule book sets every limit.
     */
    @Override
    public List<ExchangeLimit> exchangeLimits(Collection<TsCode> stocks, LocalDate from, LocalDate to) {
        Map<TsCode, List<ExchangeLimit>> all = limits;
        if (all == null) {
            synchronized (this) {
                if (limits == null) {
                    Path file = dir.resolve(SampleData.SYNTHETIC_STK_LIMIT);
                    Map<TsCode, List<ExchangeLimit>> byCode = new HashMap<>();
                    if (Files.isRegularFile(file)) {
                        ExchangeLimitCsv.read(file).forEach(r -> byCode.computeIfAbsent(r.tsCode(), c -> new ArrayList<>()).add(r));
                    }
                    limits = byCode;
                }
                all = limits;
            }
        }
        List<ExchangeLimit> out = new ArrayList<>();
        for (TsCode code : stocks) {
            for (ExchangeLimit r : all.getOrDefault(code, List.of())) {
                if (!r.tradeDate().isBefore(from) && !r.tradeDate().isAfter(to)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** stock_basic's industries, derived as tushare-sim serves them (not Shenwan: the sample has none). */
    @Override
    public IndustryClassification industries() {
        return data().industries();
    }

    private static List<Bar> slice(List<Bar> rows, LocalDate from, LocalDate to) {
        if (rows == null) {
            return List.of();
        }
        List<Bar> out = new ArrayList<>();
        for (Bar b : rows) {
            if (!b.tradeDate().isBefore(from) && !b.tradeDate().isAfter(to)) {
                out.add(b);
            }
        }
        return out;
    }

    private Loaded data() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    l = load();
                    loaded = l;
                }
            }
        }
        return l;
    }

    private Loaded load() {
        Path barsFile = one(barsPattern);
        Map<TsCode, List<Bar>> stocks = byCode(BarCsv.read(barsFile));
        Map<TsCode, List<Bar>> indices = byCode(BarCsv.read(one("index_daily_*.csv*")));
        Map<TsCode, LocalDate> listDates = new HashMap<>();
        List<StockBasic> basics = StockBasicCsv.read(one("stock_basic_*.csv*"));
        for (StockBasic b : basics) {
            listDates.putIfAbsent(b.tsCode(), b.listDate());
        }
        TradingCalendar calendar = TradeCalCsv.read(one("trade_cal_*.csv*"));
        StHistory st = NameChangeCsv.history(one("namechange_*.csv*"));
        return new Loaded(stocks, indices, Map.copyOf(listDates), calendar, st, barsFile.getFileName().toString(),
                IndustryClassification.fromStockBasic(basics));
    }

    private static Map<TsCode, List<Bar>> byCode(List<Bar> bars) {
        Map<TsCode, List<Bar>> map = new HashMap<>();
        for (Bar b : bars) {
            map.computeIfAbsent(b.tsCode(), c -> new ArrayList<>()).add(b);
        }
        map.values().forEach(list -> list.sort(Comparator.comparing(Bar::tradeDate)));
        return map;
    }

    private Path one(String glob) {
        return one(dir, glob);
    }

    private static Path one(Path dir, String glob) {
        if (!Files.isDirectory(dir)) {
            throw new DataUnavailableException("The sample folder " + dir.toAbsolutePath() + " does not exist: expected a file " + glob);
        }
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            files.forEach(matches::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (matches.size() != 1) {
            throw new DataUnavailableException("The sample folder " + dir.toAbsolutePath() + " has " + matches.size()
                    + " files matching " + glob + (matches.isEmpty() ? "" : " " + matches.stream().map(p -> p.getFileName().toString()).sorted().toList())
                    + "; expected exactly one");
        }
        return matches.get(0);
    }
}
