package com.alphaquant.strategy.book;

import com.alphaquant.backtest.data.BarSource;
import com.alphaquant.backtest.engine.BacktestConfig;
import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.backtest.engine.BookState;
import com.alphaquant.backtest.engine.DayResult;
import com.alphaquant.backtest.engine.DayStepper;
import com.alphaquant.market.TsCode;
import com.alphaquant.strategy.live.StrategyDefinition;
import com.alphaquant.strategy.store.SignalStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each strategy's live paper book, advanced after every daily cycle through each trading day from
 * the last one stepped up to the cycle's day, in order, with libs/backtest's {@link DayStepper}
 * (next-open fills, T+1, limits, lots, dated costs; the defaults of a backtest): a day's orders
 * are the target weights the strategy decided at its close (stops included), filled the next
 * trading day. A day is stepped and stored in one transaction under the book's row lock, so a
 * redelivered event or a restart never applies a day twice, and a day missed (a failed step, the
 * service down) is stepped before the later ones. A day without a stored decision places no
 * orders.
 */
@Service
public class LiveBook {

    private static final Logger log = LoggerFactory.getLogger(LiveBook.class);

    private final SignalStore signals;
    private final LiveBookStore store;
    private final LiveBookProperties properties;
    private final BarSource source;
    private final LivePanels panels;
    private final TransactionTemplate tx;

    public LiveBook(SignalStore signals, LiveBookStore store, LiveBookProperties properties, BarSource source, TransactionTemplate tx) {
        this.signals = signals;
        this.store = store;
        this.properties = properties;
        this.source = source;
        this.panels = new LivePanels(source, TsCode.of(properties.benchmark()));
        this.tx = tx;
    }

    /** The run parameters the book trades under (SPEC defaults, as a backtest's); the end is open. */
    public BacktestConfig config(LiveBookStore.Book book) {
        return BacktestConfig.of(book.startDate(), LocalDate.of(2099, 12, 31), book.initialCapital());
    }

    /** The book's start: the configured date, else the first day with a stored decision; null when there is none yet. */
    public LocalDate startDate(StrategyDefinition strategy) {
        return properties.startDate() != null ? properties.startDate() : signals.firstBookDay(strategy.name(), strategy.version());
    }

    /** Steps every trading day after the last one stepped up to {@code day}; returns how many. */
    public int advance(StrategyDefinition strategy, LocalDate day) {
        LocalDate start = startDate(strategy);
        if (!properties.enabled() || start == null || day.isBefore(start)) {
            return 0;
        }
        LocalDate last = store.lastDay(strategy.name(), strategy.version());
        LocalDate from = last == null ? start : last.plusDays(1);
        // The calendar asked from a week earlier: from may be a weekend day, outside a calendar of open days only.
        List<LocalDate> days = from.isAfter(day) ? List.of() : source.calendar(from.minusDays(7), day).openDays(from, day);
        for (LocalDate d : days) {
            tx.executeWithoutResult(s -> step(strategy, start, d));
        }
        return days.size();
    }

    private void step(StrategyDefinition strategy, LocalDate start, LocalDate day) {
        LiveBookStore.Book book = store.lock(new LiveBookStore.Book(strategy.name(), strategy.version(), start, properties.initialCapital()));
        LocalDate last = store.lastDay(book.strategy(), book.version());
        if (last != null && !day.isAfter(last)) {
            return; // stepped meanwhile by another delivery
        }
        BookState state = last == null ? BookState.cash(book.initialCapital())
                : store.state(book.strategy(), book.version(), last, store.days(book.strategy(), book.version(), last, last).get(0).cashCents());
        Map<String, Double> targets = signals.targets(book.strategy(), book.version(), day);
        TreeSet<TsCode> codes = new TreeSet<>();
        state.positions().forEach(p -> codes.add(p.code()));
        state.orders().forEach(o -> codes.add(o.code()));
        if (targets != null) {
            targets.keySet().forEach(c -> codes.add(TsCode.of(c)));
        }
        List<LiveBookStore.Position> before = last == null ? List.of() : store.positions(book.strategy(), book.version(), last);
        Map<String, String> stops = last == null ? Map.of() : StopsHit.of(signals.signals(book.strategy(), book.version(), last));
        if (codes.isEmpty()) {
            store.saveDay(book, new LiveBookStore.Day(day, state.cashCents(), 0, benchmarkClose(start, day), targets != null),
                    List.of(), Map.of(), List.of());
            return;
        }
        BarPanel panel = panels.panel(codes, start, day);
        DayStepper stepper = DayStepper.resume(panel, config(book), state);
        DayResult result = stepper.step(day, targets == null ? null : new FollowTargets(targets));
        BookState next = stepper.state();
        List<LiveBookStore.Position> positions = Costs.carry(before, next, result, code -> LivePanels.lastClose(panel, code, day));
        store.saveDay(book, new LiveBookStore.Day(day, result.cashCents(), result.marketValueCents(),
                LivePanels.benchmarkClose(panel, day), targets != null), positions, Costs.orders(next),
                Costs.trades(result, stops));
        log.info("live book {} {}: equity {} ({} fills, {} rejected)", book.strategy(), day, result.equity(), result.fills().size(),
                result.rejections().size());
    }

    private Double benchmarkClose(LocalDate start, LocalDate day) {
        Double close = null;
        for (var bar : source.indexBars(TsCode.of(properties.benchmark()), start, day)) {
            close = bar.tradeDate().isAfter(day) ? close : Double.valueOf(bar.close());
        }
        return close;
    }
}
