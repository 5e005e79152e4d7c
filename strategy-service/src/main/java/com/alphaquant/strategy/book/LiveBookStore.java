package com.alphaquant.strategy.book;

import com.alphaquant.backtest.engine.BookState;
import com.alphaquant.market.TsCode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The live books' tables (Flyway V4): the book, its days, positions, pending orders and trades. */
@Repository
public class LiveBookStore {

    /** A book's identity and parameters. */
    public record Book(String strategy, String version, LocalDate startDate, double initialCapital) {}

    /** One stepped day's marks. */
    public record Day(LocalDate date, long cashCents, long marketValueCents, Double benchmarkClose, boolean decided) {

        public double equity() {
            return (cashCents + marketValueCents) / 100.0;
        }
    }

    /** A holding after a day's close. */
    public record Position(String tsCode, double shares, LocalDate lastBuy, double boughtOnLastBuy, double cost, double lastClose) {}

    /** A fill or a rejected order. */
    public record Trade(LocalDate tradeDate, LocalDate date, String tsCode, String side, String kind, double shares, Double price,
                        Double amount, Double fees, String reason, String stop) {}

    private final JdbcTemplate jdbc;

    public LiveBookStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The book, or null before its first day. */
    public Book book(String strategy, String version) {
        List<Book> rows = jdbc.query("select start_date, initial_capital from live_book where strategy = ? and strategy_version = ?",
                (rs, i) -> new Book(strategy, version, rs.getDate(1).toLocalDate(), rs.getDouble(2)), strategy, version);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Creates the book unless it exists; then locks it for this transaction, so two steppers never step the same day. */
    public Book lock(Book wanted) {
        jdbc.update("insert into live_book (strategy, strategy_version, start_date, initial_capital) values (?,?,?,?) on conflict do nothing",
                wanted.strategy(), wanted.version(), Date.valueOf(wanted.startDate()), wanted.initialCapital());
        return jdbc.queryForObject("select start_date, initial_capital from live_book where strategy = ? and strategy_version = ? for update",
                (rs, i) -> new Book(wanted.strategy(), wanted.version(), rs.getDate(1).toLocalDate(), rs.getDouble(2)),
                wanted.strategy(), wanted.version());
    }

    /** The last day stepped, null when none. */
    public LocalDate lastDay(String strategy, String version) {
        Date d = jdbc.queryForObject("select max(trade_date) from live_book_day where strategy = ? and strategy_version = ?",
                Date.class, strategy, version);
        return d == null ? null : d.toLocalDate();
    }

    public List<Day> days(String strategy, String version, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select trade_date, cash_cents, market_value_cents, benchmark_close, decided from live_book_day
                where strategy = ? and strategy_version = ? and trade_date between ? and ? order by trade_date""",
                (rs, i) -> new Day(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3), (Double) rs.getObject(4), rs.getBoolean(5)),
                strategy, version, Date.valueOf(from), Date.valueOf(to));
    }

    public List<Position> positions(String strategy, String version, LocalDate day) {
        return jdbc.query("""
                select ts_code, shares, last_buy, bought_on_last_buy, cost, last_close from live_book_position
                where strategy = ? and strategy_version = ? and trade_date = ? order by ordinal""",
                (rs, i) -> new Position(rs.getString(1), rs.getDouble(2), date(rs, 3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)),
                strategy, version, Date.valueOf(day));
    }

    /** The portfolio a day left: what the next day resumes from. */
    public BookState state(String strategy, String version, LocalDate day, long cashCents) {
        List<BookState.Position> positions = positions(strategy, version, day).stream()
                .map(p -> new BookState.Position(TsCode.of(p.tsCode()), p.shares(), p.lastBuy(), p.boughtOnLastBuy())).toList();
        List<BookState.Order> orders = jdbc.query("""
                select ts_code, target_shares from live_book_order where strategy = ? and strategy_version = ? and trade_date = ?
                order by ts_code""", (rs, i) -> new BookState.Order(TsCode.of(rs.getString(1)), rs.getDouble(2)),
                strategy, version, Date.valueOf(day));
        return new BookState(cashCents, positions, orders);
    }

    public List<Trade> trades(String strategy, String version, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select trade_date, event_date, ts_code, side, kind, shares, price, amount, fees, reason, stop from live_book_trade
                where strategy = ? and strategy_version = ? and trade_date between ? and ? order by trade_date, id""",
                (rs, i) -> new Trade(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getDouble(6), (Double) rs.getObject(7), (Double) rs.getObject(8), (Double) rs.getObject(9),
                        rs.getString(10), rs.getString(11)),
                strategy, version, Date.valueOf(from), Date.valueOf(to));
    }

    /** Writes one stepped day; the caller's transaction holds the book's lock. */
    public void saveDay(Book book, Day day, List<Position> positions, Map<String, Double> orders, List<Trade> trades) {
        String s = book.strategy();
        String v = book.version();
        Date d = Date.valueOf(day.date());
        jdbc.update("""
                insert into live_book_day (strategy, strategy_version, trade_date, cash_cents, market_value_cents, benchmark_close, decided)
                values (?,?,?,?,?,?,?)""", s, v, d, day.cashCents(), day.marketValueCents(), day.benchmarkClose(), day.decided());
        List<Object[]> rows = new ArrayList<>();
        for (int k = 0; k < positions.size(); k++) {
            Position p = positions.get(k);
            rows.add(new Object[] {s, v, d, k, p.tsCode(), p.shares(), p.lastBuy() == null ? null : Date.valueOf(p.lastBuy()),
                    p.boughtOnLastBuy(), p.cost(), p.lastClose()});
        }
        jdbc.batchUpdate("""
                insert into live_book_position (strategy, strategy_version, trade_date, ordinal, ts_code, shares, last_buy,
                                                bought_on_last_buy, cost, last_close) values (?,?,?,?,?,?,?,?,?,?)""", rows);
        jdbc.batchUpdate("insert into live_book_order (strategy, strategy_version, trade_date, ts_code, target_shares) values (?,?,?,?,?)",
                orders.entrySet().stream().map(e -> new Object[] {s, v, d, e.getKey(), e.getValue()}).toList());
        jdbc.batchUpdate("""
                insert into live_book_trade (strategy, strategy_version, trade_date, event_date, ts_code, side, kind, shares, price,
                                             amount, fees, reason, stop) values (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                trades.stream().map(t -> new Object[] {s, v, d, Date.valueOf(t.date()), t.tsCode(), t.side(), t.kind(), t.shares(),
                        t.price(), t.amount(), t.fees(), t.reason(), t.stop()}).toList());
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
