package health.ferry.proofs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A fresh PostgreSQL database for one proof, dropped afterwards; Ferry's Flyway creates the schema in it. */
final class ProofDatabase implements AutoCloseable {
    final String name;

    ProofDatabase(String purpose) throws SQLException {
        this.name = "ferry_proof_" + purpose.toLowerCase(Locale.ROOT) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = Prerequisites.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
    }

    String jdbcUrl() {
        return Prerequisites.jdbcUrl(name);
    }

    /** The first column of each row of {@code sql}, as text. */
    List<String> column(String sql, Object... args) throws SQLException {
        try (Connection c = Prerequisites.connect(name); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = Prerequisites.connect(name); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    long count(String sql, Object... args) throws SQLException {
        return Long.parseLong(column(sql, args).get(0));
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = Prerequisites.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }
}
