package com.alphaquant.data.store;

import com.alphaquant.market.TradingCalendar;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SSE trading calendar from Tushare {@code trade_cal}. */
@Repository
public class CalendarStore {

    private final JdbcTemplate jdbc;

    public CalendarStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(List<TradingCalendar.Day> days) {
        jdbc.batchUpdate("insert into trade_calendar (exchange, cal_date, is_open) values ('SSE', ?, ?) "
                        + "on conflict (exchange, cal_date) do update set is_open = excluded.is_open",
                days, 1000, (ps, d) -> {
                    ps.setDate(1, Date.valueOf(d.date()));
                    ps.setBoolean(2, d.open());
                });
    }

    /** The stored days of [from, to] (open and closed). */
    public List<TradingCalendar.Day> days(LocalDate from, LocalDate to) {
        return jdbc.query("select cal_date, is_open from trade_calendar where exchange = 'SSE' and cal_date between ? and ? "
                        + "order by cal_date",
                (rs, i) -> new TradingCalendar.Day(rs.getDate(1).toLocalDate(), rs.getBoolean(2)),
                Date.valueOf(from), Date.valueOf(to));
    }
}
