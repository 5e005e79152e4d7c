package com.alphaquant.model.registry;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The models trained so far: their record in PostgreSQL, their parameters as files under the
 * model directory ({@code <dir>/<id>/}). At most one is active — the one that answers
 * factors.computed — which a unique partial index enforces.
 */
@Repository
public class ModelRegistry {

    private static final String COLUMNS = "id, name, preset, active, config, data_range, features, versions, metrics, training_job, created_at";

    private final JdbcTemplate jdbc;

    public ModelRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a model's parameter files lie. */
    public static Path files(Path modelDir, UUID id) {
        return modelDir.resolve(id.toString());
    }

    public void add(ModelRecord m) {
        jdbc.update("insert into model (" + COLUMNS + ") values (?, ?, ?, false, cast(? as json), cast(? as json), cast(? as json), "
                        + "cast(? as json), cast(? as json), ?, now())",
                m.id(), m.name(), m.preset(), m.config(), m.dataRange(), m.features(), m.versions(), m.metrics(), m.trainingJob());
    }

    public Optional<ModelRecord> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from model where id = ?", ModelRegistry::record, id).stream().findFirst();
    }

    public Optional<ModelRecord> active() {
        return jdbc.query("select " + COLUMNS + " from model where active", ModelRegistry::record).stream().findFirst();
    }

    /** Newest first. */
    public List<ModelRecord> all(int limit) {
        return jdbc.query("select " + COLUMNS + " from model order by created_at desc, id desc limit ?", ModelRegistry::record, limit);
    }

    /** Makes {@code id} the active model (and no other); false when there is no such model. */
    @Transactional
    public boolean promote(UUID id) {
        if (find(id).isEmpty()) {
            return false;
        }
        jdbc.update("update model set active = false where active and id <> ?", id);
        jdbc.update("update model set active = true where id = ?", id);
        return true;
    }

    private static ModelRecord record(ResultSet rs, int row) throws SQLException {
        return new ModelRecord(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("preset"), rs.getBoolean("active"),
                rs.getString("config"), rs.getString("data_range"), rs.getString("features"), rs.getString("versions"),
                rs.getString("metrics"), rs.getObject("training_job", UUID.class), rs.getTimestamp("created_at").toInstant());
    }
}
