package com.alphaquant.market.rules;

import com.alphaquant.market.Bar;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.NameChangeCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.csv.StockBasicCsv;
import com.alphaquant.market.csv.TradeCalCsv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the synthetic {@code stk_limit} and {@code suspend_d} files of data/sample/synthetic
 * (the real sample has neither): 30 stocks of the 300-stock daily file, 2021-01-04 to
 * 2022-12-20, picked with a fixed seed around the stocks that make the files worth having (ST
 * days, a relisting, long suspensions, a new listing).
 *
 * <ul>
 *   <li>stk_limit: one row per bar, as the exchange computes it — the bar's pre_close × (1 ± band)
 *       rounded half-up to the cent, the band by board, date-effective ST status (namechange)
 *       and session since listing. No row on a day without limits: a new listing's first
 *       sessions, and the first day of a relisting, which the exchange leaves unlimited (the
 *       rule book does not model relistings: the one place the book and this file differ).</li>
 *   <li>suspend_d: one {@code S} row per open day on which a listed stock has no bar (or a bar
 *       with no volume); {@code suspend_timing} empty (a whole-day suspension).</li>
 * </ul>
 * Run {@code SyntheticLimitFixturesTest} with {@code -Dalphaquant.synthetic.write=true} to rewrite them.
 */
final class SyntheticLimitFixtures {

    static final long SEED = 20210104L;
    static final LocalDate FROM = LocalDate.of(2021, 1, 4);
    static final LocalDate TO = LocalDate.of(2022, 12, 20);
    static final int STOCKS = 30;

    /** The stocks always in: ST days, the relisting, long suspensions, a 2021 ChiNext listing. */
    static final List<String> ALWAYS = List.of("000408.SZ", "000792.SZ", "000425.SZ", "600900.SH", "300957.SZ");

    /** Relisting days (恢复上市首日), on which the exchange sets no limit. */
    static final Set<String> RELISTINGS = Set.of("000792.SZ|2021-08-10");

    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    /** The two files' text, header first, in (trade_date, ts_code) order. */
    record Fixture(String stkLimit, String suspendD) {}

    private SyntheticLimitFixtures() {
    }

    static Fixture generate() {
        TradingCalendar calendar = TradeCalCsv.read(SampleData.file(SampleData.TRADE_CAL));
        Map<TsCode, StockBasic> basics = StockBasicCsv.read(SampleData.file(SampleData.STOCK_BASIC)).stream()
                .collect(Collectors.toMap(StockBasic::tsCode, Function.identity()));
        StHistory st = NameChangeCsv.history(SampleData.file(SampleData.NAMECHANGE));
        LimitBandCheck rules = new LimitBandCheck(calendar, basics, st);
        List<Bar> bars = BarCsv.read(SampleData.file(SampleData.BARS_300)).stream()
                .filter(b -> !b.tradeDate().isBefore(FROM) && !b.tradeDate().isAfter(TO)).toList();
        Set<String> chosen = pick(bars);

        List<String> limits = new ArrayList<>();
        Set<String> traded = new HashSet<>();
        for (Bar b : bars) {
            String code = b.tsCode().toString();
            if (!chosen.contains(code)) {
                continue;
            }
            if (b.vol() > 0) {
                traded.add(code + "|" + b.tradeDate());
            }
            PriceLimit limit = rules.limitOn(b.tsCode(), b.tradeDate());
            if (!limit.isLimited() || RELISTINGS.contains(code + "|" + b.tradeDate())) {
                continue;
            }
            limits.add(String.format(Locale.ROOT, "%s,%s,%.2f,%.2f,%.2f", b.tradeDate().format(YMD), code, b.preClose(),
                    limit.limitUpPrice(b.preClose()), limit.limitDownPrice(b.preClose())));
        }
        List<String> suspensions = new ArrayList<>();
        for (LocalDate day : calendar.openDays(FROM, TO)) {
            for (String code : chosen) {
                LocalDate listed = basics.get(TsCode.of(code)).listDate();
                if (!listed.isAfter(day) && !traded.contains(code + "|" + day)) {
                    suspensions.add(day.format(YMD) + "," + code + ",,S");
                }
            }
        }
        Collections.sort(limits);
        Collections.sort(suspensions);
        return new Fixture(text("trade_date,ts_code,pre_close,up_limit,down_limit", limits),
                text("trade_date,ts_code,suspend_timing,suspend_type", suspensions));
    }

    /** {@link #ALWAYS}, then stocks of the file drawn with {@link #SEED} until there are {@link #STOCKS}. */
    private static Set<String> pick(List<Bar> bars) {
        List<String> codes = new ArrayList<>(new TreeSet<>(bars.stream().map(b -> b.tsCode().toString()).toList()));
        Collections.shuffle(codes, new Random(SEED));
        Set<String> chosen = new LinkedHashSet<>(ALWAYS);
        for (String code : codes) {
            if (chosen.size() == STOCKS) {
                break;
            }
            chosen.add(code);
        }
        return new TreeSet<>(chosen);
    }

    private static String text(String header, List<String> rows) {
        return header + "\n" + String.join("\n", rows) + "\n";
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
