package com.alphaquant.support.panel;

import com.alphaquant.factor.engine.MarketSeries;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.factor.engine.PanelInputBuilder;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.web.TradingDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads the factor engine's input for output dates [from, to]: the stocks' bars with
 * {@code warmupBars} bars before {@code from} ({@link WarmUp#bars}), the benchmark and northbound
 * flow over the same span, which stocks were ST on which of those days (their limit bands, for
 * LIMIT_NET20), and the stocks' listing dates. The engine's output before {@code from} is
 * warm-up, for the caller to drop.
 */
public final class PanelLoader {

    /** The first A-share session: data-service refuses earlier dates (400), so "all history" starts here. */
    static final LocalDate EARLIEST = TradingDates.FIRST_SESSION;
    /** Market series need 20 observations before the first stock bar: ~30 sessions of slack. */
    private static final int MARKET_SLACK_DAYS = 45;

    private final PanelSource source;
    private final int warmupBars;

    public PanelLoader(PanelSource source, int warmupBars) {
        this.source = source;
        this.warmupBars = warmupBars;
    }

    /**
     * @throws PanelSourceUnavailableException when the source (data-service) cannot answer
     */
    public PanelInput load(Collection<TsCode> codes, LocalDate from, LocalDate to) {
        LocalDate lo = WarmUp.calendarStart(from, warmupBars);
        Map<TsCode, List<Bar>> byCode = group(source.stockBars(codes, lo, to));
        Set<TsCode> shortOfHistory = shortOfHistory(byCode, from);
        if (!shortOfHistory.isEmpty()) {
            // A recent listing (nothing older: one cheap empty answer) or a long suspension: all
            // that is older, in one request, rather than guessing how far back the gap ends.
            group(source.stockBars(shortOfHistory, EARLIEST, lo.minusDays(1)))
                    .forEach((code, older) -> byCode.get(code).addAll(0, older));
        }
        List<Bar> bars = new ArrayList<>();
        byCode.values().forEach(list -> bars.addAll(fillAdjFactors(list)));
        LocalDate firstBar = bars.stream().map(Bar::tradeDate).min(Comparator.naturalOrder()).orElse(lo);
        LocalDate first = firstBar.minusDays(MARKET_SLACK_DAYS);

        PanelInputBuilder input = PanelInput.builder().bars(bars).listDates(listDates(byCode.keySet()));
        List<Bar> benchmark = bars.isEmpty() ? List.of() : source.benchmarkBars(first, to);
        if (!benchmark.isEmpty()) {
            input.benchmark(MarketSeries.closes(benchmark));
        }
        if (!bars.isEmpty()) {
            input.northFlow(source.northFlow(first, to));
            input.st(source.stHistory(firstBar, to));
        }
        return input.build();
    }

    private Map<TsCode, LocalDate> listDates(Set<TsCode> codes) {
        Map<TsCode, LocalDate> dates = new HashMap<>();
        for (PanelSource.Security s : source.securities()) {
            if (s.listDate() != null && codes.contains(s.code())) {
                dates.put(s.code(), s.listDate());
            }
        }
        return dates;
    }

    /** Stocks with output rows but fewer than {@code warmupBars} bars before {@code from}. */
    private Set<TsCode> shortOfHistory(Map<TsCode, List<Bar>> byCode, LocalDate from) {
        Set<TsCode> out = new HashSet<>();
        byCode.forEach((code, bars) -> {
            long before = bars.stream().filter(b -> b.tradeDate().isBefore(from)).count();
            if (before < warmupBars && before < bars.size()) {
                out.add(code);
            }
        });
        return out;
    }

    private static Map<TsCode, List<Bar>> group(List<Bar> bars) {
        Map<TsCode, List<Bar>> byCode = new TreeMap<>();
        for (Bar b : bars) {
            byCode.computeIfAbsent(b.tsCode(), c -> new ArrayList<>()).add(b);
        }
        byCode.values().forEach(list -> list.sort(Comparator.comparing(Bar::tradeDate)));
        return byCode;
    }

    /**
     * A bar without adj_factor (daily ingested before adj_factor) takes the previous bar's: the
     * factor only changes on ex-dates, and the adj_factor ingest event recomputes these days.
     * Leading gaps take the first known factor.
     */
    static List<Bar> fillAdjFactors(List<Bar> sorted) {
        double first = sorted.stream().mapToDouble(Bar::adjFactor).filter(f -> !Double.isNaN(f)).findFirst().orElse(Double.NaN);
        if (Double.isNaN(first)) {
            return sorted;
        }
        List<Bar> out = new ArrayList<>(sorted.size());
        double last = first;
        for (Bar b : sorted) {
            if (Double.isNaN(b.adjFactor())) {
                out.add(new Bar(b.tsCode(), b.tradeDate(), b.open(), b.high(), b.low(), b.close(), b.preClose(), b.vol(),
                        b.amount(), last));
            } else {
                last = b.adjFactor();
                out.add(b);
            }
        }
        return out;
    }
}
