package com.alphaquant.data.store;

import com.alphaquant.market.IndustryClassification;
import com.alphaquant.market.IndustryMembership;
import com.alphaquant.market.TsCode;
import java.sql.Date;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tushare {@code index_classify} (L1 industries) and {@code index_member} rows, with their dates. */
@Repository
public class IndustryStore {

    /** An industry index: its code (the key members refer to), Tushare's industry code, name, level and source. */
    public record Industry(String indexCode, String industryCode, String name, String level, String src) {}

    /** A stock's membership of an industry from {@code inDate} until {@code outDate} (exclusive; null: still). */
    public record Member(String indexCode, TsCode tsCode, java.time.LocalDate inDate, java.time.LocalDate outDate) {}

    private final JdbcTemplate jdbc;

    public IndustryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the stored classification with this one: Tushare serves it whole, not changes to it. */
    public void replaceAll(List<Industry> industries, List<Member> members) {
        jdbc.update("delete from industry_member");
        jdbc.update("delete from industry");
        jdbc.batchUpdate("insert into industry (index_code, industry_code, name, level, src) values (?,?,?,?,?)",
                industries, 500, (ps, i) -> {
                    ps.setString(1, i.indexCode());
                    ps.setString(2, i.industryCode());
                    ps.setString(3, i.name());
                    ps.setString(4, i.level());
                    ps.setString(5, i.src());
                });
        jdbc.batchUpdate("insert into industry_member (index_code, ts_code, in_date, out_date) values (?,?,?,?)",
                members, 1000, (ps, m) -> {
                    ps.setString(1, m.indexCode());
                    ps.setString(2, m.tsCode().toString());
                    ps.setDate(3, Date.valueOf(m.inDate()));
                    ps.setDate(4, m.outDate() == null ? null : Date.valueOf(m.outDate()));
                });
    }

    /** The stored classification through time. */
    public IndustryClassification classification() {
        return new IndustryClassification(jdbc.query("select m.index_code, i.name, m.ts_code, m.in_date, m.out_date "
                + "from industry_member m join industry i on i.index_code = m.index_code order by m.index_code, m.ts_code, m.in_date",
                (rs, n) -> new IndustryMembership(rs.getString(1), rs.getString(2), TsCode.of(rs.getString(3)),
                        rs.getDate(4).toLocalDate(), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate())));
    }
}
