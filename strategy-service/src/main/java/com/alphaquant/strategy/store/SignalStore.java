package com.alphaquant.strategy.store;

import com.alphaquant.events.EventSerde;
import com.alphaquant.events.ModelPredictions;
import com.alphaquant.events.StrategySignal;
import com.alphaquant.events.Topics;
import com.alphaquant.strategy.portfolio.Book;
import com.alphaquant.strategy.risk.Holding;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stored signals (one per strategy, as-of, ts_code, version) and the latest model predictions per as-of date. */
@Repository
public class SignalStore {

    private final JdbcTemplate jdbc;
    private final EventSerde serde = new EventSerde();

    public SignalStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the signal unless its key exists; true when this call inserted it. */
    public boolean insertIfAbsent(StrategySignal s) {
        return jdbc.update("""
                insert into strategy_signal (strategy, strategy_version, as_of, ts_code, action, score, target_weight,
                                             model_version, payload)
                values (?,?,?,?,?,?,?,?,?)
                on conflict (strategy, as_of, ts_code, strategy_version) do nothing""",
                s.strategy(), s.strategyVersion(), Date.valueOf(s.asOf()), s.tsCode(), s.action().name(), s.score(),
                s.targetWeight(), s.modelVersion(), serde.toJson(s)) == 1;
    }

    public List<StrategySignal> signals(String strategy, String version, LocalDate asOf) {
        return jdbc.query("select payload from strategy_signal where strategy = ? and strategy_version = ? and as_of = ? order by ts_code",
                (rs, i) -> serde.deserialize(Topics.STRATEGY_SIGNALS, rs.getString(1).getBytes(StandardCharsets.UTF_8),
                        StrategySignal.class),
                strategy, version, Date.valueOf(asOf));
    }

    /** The stored signal of one stock on {@code asOf}: none or one. */
    public List<StrategySignal> signals(String strategy, String version, LocalDate asOf, String tsCode) {
        return jdbc.query("select payload from strategy_signal where strategy = ? and strategy_version = ? and as_of = ? and ts_code = ?",
                (rs, i) -> serde.deserialize(Topics.STRATEGY_SIGNALS, rs.getString(1).getBytes(StandardCharsets.UTF_8),
                        StrategySignal.class),
                strategy, version, Date.valueOf(asOf), tsCode);
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from strategy_signal", Long.class);
    }

    /** Target weights of the latest stored day before {@code asOf}: the portfolio the new day starts from. */
    public Map<String, Double> previousWeights(String strategy, String version, LocalDate asOf) {
        Map<String, Double> weights = new HashMap<>();
        jdbc.query("""
                select ts_code, target_weight from strategy_signal
                where strategy = ? and strategy_version = ? and target_weight > 0
                  and as_of = (select max(as_of) from strategy_signal where strategy = ? and strategy_version = ? and as_of < ?)""",
                rs -> {
                    weights.put(rs.getString(1), rs.getDouble(2));
                },
                strategy, version, strategy, version, Date.valueOf(asOf));
        return weights;
    }

    /**
     * Stores the book a decision of {@code asOf} left, unless that day's book is stored already (a
     * redelivered event, or another replica's decision of the day: its insert waits for the
     * other's transaction and then changes nothing). True when this call stored it: the day is
     * decided by this call.
     */
    public boolean saveBook(String strategy, String version, LocalDate asOf, Book book) {
        List<Double> returns = book.returns();
        double dayReturn = returns.isEmpty() ? Double.NaN : returns.get(returns.size() - 1);
        int inserted = jdbc.update("""
                insert into strategy_book_day (strategy, strategy_version, as_of, day_return) values (?,?,?,?)
                on conflict do nothing""", strategy, version, Date.valueOf(asOf), dayReturn);
        if (inserted == 0) {
            return false;
        }
        jdbc.batchUpdate("""
                insert into strategy_book_holding (strategy, strategy_version, as_of, ts_code, weight, base_weight,
                                                   entry_price, highest_close, last_close)
                values (?,?,?,?,?,?,?,?,?)""",
                book.holdings().values().stream().map(h -> new Object[] {strategy, version, Date.valueOf(asOf), h.tsCode(),
                        h.weight(), h.baseWeight(), h.entryPrice(), h.highestClose(), h.lastClose()}).toList());
        return true;
    }

    /** The last day a book was stored for, null when none. */
    public LocalDate latestBookDay(String strategy, String version) {
        Date day = jdbc.queryForObject("select max(as_of) from strategy_book_day where strategy = ? and strategy_version = ?",
                Date.class, strategy, version);
        return day == null ? null : day.toLocalDate();
    }

    /** The first day a book was stored for, null when none: the first day with decisions. */
    public LocalDate firstBookDay(String strategy, String version) {
        Date day = jdbc.queryForObject("select min(as_of) from strategy_book_day where strategy = ? and strategy_version = ?",
                Date.class, strategy, version);
        return day == null ? null : day.toLocalDate();
    }

    /**
     * The target weights decided on {@code asOf} (the stored book's weights: every stock above 0,
     * those held without a signal that day included), or null when no decision is stored for it.
     */
    public Map<String, Double> targets(String strategy, String version, LocalDate asOf) {
        Integer days = jdbc.queryForObject("select count(*) from strategy_book_day where strategy = ? and strategy_version = ? and as_of = ?",
                Integer.class, strategy, version, Date.valueOf(asOf));
        if (days == 0) {
            return null;
        }
        Map<String, Double> weights = new HashMap<>();
        jdbc.query("select ts_code, weight from strategy_book_holding where strategy = ? and strategy_version = ? and as_of = ?",
                rs -> {
                    weights.put(rs.getString(1), rs.getDouble(2));
                }, strategy, version, Date.valueOf(asOf));
        return weights;
    }

    /**
     * The book of the latest stored day before {@code asOf}, with the returns of its last
     * {@code window} days (a holding stored before V3, without a desired weight, desires its
     * weight); without a stored book, one of the latest stored signals' target weights
     * (signals stored before books were).
     */
    public Book previousBook(String strategy, String version, LocalDate asOf, int window) {
        List<Object[]> days = jdbc.query("""
                select as_of, day_return from strategy_book_day
                where strategy = ? and strategy_version = ? and as_of < ? order by as_of desc limit ?""",
                (rs, i) -> new Object[] {rs.getDate(1), rs.getDouble(2)}, strategy, version, Date.valueOf(asOf), window);
        if (days.isEmpty()) {
            return Book.ofWeights(previousWeights(strategy, version, asOf));
        }
        List<Double> returns = new ArrayList<>();
        for (int i = days.size() - 1; i >= 0; i--) {
            returns.add((Double) days.get(i)[1]);
        }
        Map<String, Holding> holdings = new HashMap<>();
        jdbc.query("""
                select ts_code, weight, base_weight, entry_price, highest_close, last_close from strategy_book_holding
                where strategy = ? and strategy_version = ? and as_of = ?""",
                rs -> {
                    double weight = rs.getDouble(2);
                    double base = rs.getDouble(3);
                    if (rs.wasNull()) {
                        base = weight; // stored before V3
                    }
                    holdings.put(rs.getString(1), new Holding(rs.getString(1), weight, base, rs.getDouble(4),
                            rs.getDouble(5), rs.getDouble(6)));
                }, strategy, version, days.get(0)[0]);
        return new Book(holdings, returns);
    }

    /** Replaces the predictions of the event's as-of date with the event's (the latest wins). */
    @Transactional
    public void replacePredictions(ModelPredictions p) {
        jdbc.update("delete from model_prediction where as_of = ?", Date.valueOf(p.asOf()));
        jdbc.batchUpdate("insert into model_prediction (as_of, ts_code, model_name, model_version, log_return) values (?,?,?,?,?) on conflict do nothing",
                p.predictions().stream().filter(x -> !Double.isNaN(x.logReturn()))
                        .map(x -> new Object[] {Date.valueOf(p.asOf()), x.tsCode(), p.modelName(), p.modelVersion(), x.logReturn()})
                        .toList());
    }

    /** The day's predictions and their model version; empty when none. */
    public Predictions predictions(LocalDate asOf) {
        Map<String, Double> values = new HashMap<>();
        String[] version = {null};
        jdbc.query("select ts_code, log_return, model_name, model_version from model_prediction where as_of = ?", rs -> {
            values.put(rs.getString(1), rs.getDouble(2));
            version[0] = rs.getString(3) + ":" + rs.getString(4);
        }, Date.valueOf(asOf));
        return new Predictions(version[0], values);
    }

    /** Predicted log returns by ts_code, and the model's name:version (null when there are none). */
    public record Predictions(String modelVersion, Map<String, Double> byCode) {}
}
