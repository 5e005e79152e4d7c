package com.alphaquant.data.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Columns where Tushare may publish no value: null in and out, never a made-up zero. */
final class NullableDoubles {

    private NullableDoubles() {
    }

    /** Binds {@code values} to consecutive parameters from {@code first}. */
    static void bind(PreparedStatement ps, int first, Double... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                ps.setNull(first + i, Types.DOUBLE);
            } else {
                ps.setDouble(first + i, values[i]);
            }
        }
    }

    static Double get(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
