package com.alphaquant.factor.mined;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code mined_formula} table. */
@Repository
public class MinedFormulaStore {

    private static final String COLUMNS = "name, formula, rpn, method, seed, weight, metrics, max_builtin_correlation, "
            + "closest_builtin, data_range, versions, job_id, created_at";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public MinedFormulaStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Stores what is new (in the caller's transaction, with the job's success). A name already
     * stored keeps its first record: the same formula, whoever finds it again. Returns how many
     * were new.
     */
    public int addAll(List<MinedFormula> formulas) {
        int added = 0;
        for (MinedFormula f : formulas) {
            added += jdbc.update("insert into mined_formula (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, cast(? as json), ?, ?, "
                            + "cast(? as json), cast(? as json), ?, now()) on conflict (name) do nothing",
                    f.name(), f.formula(), f.rpn(), f.method(), f.seed(), f.weight(), f.metricsJson(), f.maxBuiltinCorrelation(),
                    f.closestBuiltin(), f.dataRangeJson(), f.versionsJson(), f.jobId());
        }
        return added;
    }

    /** The formulas of these names that exist, by name. */
    public Map<String, MinedFormula> find(Collection<String> names) {
        Map<String, MinedFormula> out = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        named.query("select " + COLUMNS + " from mined_formula where name in (:names)", Map.of("names", names),
                (rs, row) -> record(rs)).forEach(f -> out.put(f.name(), f));
        return out;
    }

    /** Every stored formula, oldest first (the catalog's order: a name keeps its place). */
    public List<MinedFormula> all() {
        return jdbc.query("select " + COLUMNS + " from mined_formula order by created_at, name", (rs, row) -> record(rs));
    }

    /** The formulas a job found (that were new when it stored them). */
    public List<MinedFormula> ofJob(UUID jobId) {
        return jdbc.query("select " + COLUMNS + " from mined_formula where job_id = ? order by weight desc, name",
                (rs, row) -> record(rs), jobId);
    }

    private static MinedFormula record(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        return new MinedFormula(rs.getString("name"), rs.getString("formula"), rs.getString("rpn"), rs.getString("method"),
                rs.getLong("seed"), rs.getDouble("weight"), rs.getString("metrics"), rs.getObject("max_builtin_correlation", Double.class),
                rs.getString("closest_builtin"), rs.getString("data_range"), rs.getString("versions"),
                rs.getObject("job_id", UUID.class), created == null ? null : created.toInstant());
    }
}
