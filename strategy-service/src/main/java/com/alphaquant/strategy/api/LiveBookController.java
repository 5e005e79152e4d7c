package com.alphaquant.strategy.api;

import com.alphaquant.backtest.data.DataUnavailableException;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.strategy.book.LiveBookStore;
import com.alphaquant.strategy.book.LiveBookViews;
import com.alphaquant.strategy.book.Tracking;
import com.alphaquant.strategy.live.StrategyDefinition;
import com.alphaquant.support.web.Problems;
import com.alphaquant.support.web.TradingDates;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A strategy's live paper book (docs/strategy-service.md, "Live book"): its summary with the
 * tracking against the batch backtest, its equity curve, positions and trades. An unknown
 * strategy, or one whose book has no day yet, is a 404 problem; a bad date a 400 naming it.
 */
@RestController
@RequestMapping("/api/strategies/{name}/live")
public class LiveBookController {

    private final StrategyController strategies;
    private final LiveBookStore store;
    private final Tracking tracking;

    public LiveBookController(StrategyController strategies, LiveBookStore store, Tracking tracking) {
        this.strategies = strategies;
        this.store = store;
        this.tracking = tracking;
    }

    @GetMapping
    public LiveBookViews.Summary summary(@PathVariable String name) {
        StrategyDefinition s = strategies.strategy(name);
        LiveBookStore.Book book = book(s);
        List<LiveBookStore.Day> days = store.days(s.name(), s.version(), book.startDate(), TradingDates.lastDate());
        LocalDate asOf = days.get(days.size() - 1).date();
        BacktestResult backtest = null;
        String note = null;
        try {
            backtest = tracking.backtest(s, book, asOf);
            if (backtest == null) {
                note = "one trading day so far: a backtest needs two";
            }
        } catch (DataUnavailableException | IllegalArgumentException e) {
            note = "tracking backtest unavailable: " + e.getMessage();
        }
        return LiveBookViews.summary(s, book, days, store.positions(s.name(), s.version(), asOf).size(), backtest, note);
    }

    @GetMapping("/equity")
    public List<LiveBookViews.EquityPoint> equity(@PathVariable String name, @RequestParam(required = false) String start,
                                                  @RequestParam(required = false) String end) {
        StrategyDefinition s = strategies.strategy(name);
        LiveBookStore.Book book = book(s);
        LocalDate[] range = range(book, start, end);
        List<LiveBookStore.Day> all = store.days(s.name(), s.version(), book.startDate(), TradingDates.lastDate());
        BacktestResult backtest;
        try {
            backtest = tracking.backtest(s, book, all.get(all.size() - 1).date());
        } catch (DataUnavailableException | IllegalArgumentException e) {
            backtest = null;
        }
        Double base = all.get(0).benchmarkClose();
        return LiveBookViews.equity(book, store.days(s.name(), s.version(), range[0], range[1]), base, backtest);
    }

    @GetMapping("/positions")
    public List<LiveBookViews.PositionView> positions(@PathVariable String name, @RequestParam(required = false) String date) {
        StrategyDefinition s = strategies.strategy(name);
        LiveBookStore.Book book = book(s);
        LocalDate to = date == null ? TradingDates.lastDate() : TradingDates.parse("date", date);
        List<LiveBookStore.Day> days = store.days(s.name(), s.version(), book.startDate(), to);
        if (days.isEmpty()) {
            return List.of();
        }
        LiveBookStore.Day day = days.get(days.size() - 1);
        return LiveBookViews.positions(store.positions(s.name(), s.version(), day.date()), day.equity());
    }

    @GetMapping("/trades")
    public List<LiveBookStore.Trade> trades(@PathVariable String name, @RequestParam(required = false) String start,
                                            @RequestParam(required = false) String end) {
        StrategyDefinition s = strategies.strategy(name);
        LocalDate[] range = range(book(s), start, end);
        return store.trades(s.name(), s.version(), range[0], range[1]);
    }

    private LiveBookStore.Book book(StrategyDefinition s) {
        LiveBookStore.Book book = store.book(s.name(), s.version());
        if (book == null || store.lastDay(s.name(), s.version()) == null) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "name",
                    "Strategy " + Problems.quote(s.name()) + " has no live book yet: no trading day stepped"), null);
        }
        return book;
    }

    /** [start, end] from optional text; default the book's whole life. */
    private static LocalDate[] range(LiveBookStore.Book book, String start, String end) {
        LocalDate from = start == null ? book.startDate() : TradingDates.parse("start", start);
        LocalDate to = end == null ? TradingDates.lastDate() : TradingDates.parse("end", end);
        TradingDates.requireOrdered(from, to);
        return new LocalDate[] {from, to};
    }
}
