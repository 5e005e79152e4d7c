package com.alphaquant.data.store;

import com.alphaquant.market.NameChange;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TsCode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Tushare {@code namechange} rows: the names of every stock with their dates. */
@Repository
public class NameChangeStore {

    /** A stored row: the name change and what Tushare says about its announcement. */
    public record Row(NameChange change, LocalDate annDate, String changeReason) {}

    private static final RowMapper<NameChange> NAME_CHANGE = (rs, i) -> new NameChange(TsCode.of(rs.getString(1)),
            rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate());

    private final JdbcTemplate jdbc;

    public NameChangeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces every stored row with {@code rows}: Tushare serves the whole table, not changes to
     * it. Returns the ST episodes that appeared or went away (the stocks whose price bands change
     * on some day); a renaming that leaves ST status alone is none.
     */
    public Set<StHistory.Episode> replaceAll(List<Row> rows) {
        Set<StHistory.Episode> before = episodes(StHistory.of(all()));
        Set<StHistory.Episode> after = episodes(StHistory.of(rows.stream().map(Row::change).toList()));
        Set<StHistory.Episode> changed = new HashSet<>(before);
        changed.addAll(after);
        Set<StHistory.Episode> kept = new HashSet<>(before);
        kept.retainAll(after);
        changed.removeAll(kept);
        jdbc.update("delete from name_change");
        jdbc.batchUpdate("insert into name_change (ts_code, name, start_date, end_date, ann_date, change_reason) "
                + "values (?,?,?,?,?,?)", rows, 1000, (ps, r) -> {
                    ps.setString(1, r.change().tsCode().toString());
                    ps.setString(2, r.change().name());
                    ps.setDate(3, Date.valueOf(r.change().startDate()));
                    ps.setDate(4, r.change().endDate() == null ? null : Date.valueOf(r.change().endDate()));
                    ps.setDate(5, r.annDate() == null ? null : Date.valueOf(r.annDate()));
                    ps.setString(6, r.changeReason());
                });
        return changed;
    }

    private static Set<StHistory.Episode> episodes(StHistory history) {
        return new HashSet<>(history.episodes(LocalDate.MIN, LocalDate.MAX));
    }

    /** Every stored name change. */
    public List<NameChange> all() {
        return jdbc.query("select ts_code, name, start_date, end_date from name_change order by ts_code, start_date", NAME_CHANGE);
    }

    /** The stored name changes of one stock, oldest first. */
    public List<NameChange> of(TsCode code) {
        return jdbc.query("select ts_code, name, start_date, end_date from name_change where ts_code = ? order by start_date",
                NAME_CHANGE, code.toString());
    }
}
