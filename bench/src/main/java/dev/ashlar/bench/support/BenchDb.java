package dev.ashlar.bench.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ashlar.core.dialect.sqlite.SqliteDialect;
import dev.ashlar.core.engine.EngineOptions;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import org.jooq.SQLDialect;

/**
 * The two databases every workload runs on, and the settings every library shares on each: the
 * same pool (HikariCP, same size), the same SQLite pragmas and the same PostgreSQL driver options
 * as Ashlar's own dialects set, so no library gets a faster or slower connection than another.
 *
 * <p>Also the hand-written JDBC way of binding and reading the two columns whose storage differs:
 * SQLite has no decimal or timestamp type, so prices go as doubles (REAL) and times as Ashlar's
 * fixed-width ISO text, exactly as Ashlar stores them.
 */
public enum BenchDb {
    SQLITE, POSTGRESQL;

    /** Ashlar's SQLite text format for timestamps: sortable, six fraction digits. */
    public static final DateTimeFormatter SQLITE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true).toFormatter();

    /** Rows per fetch round trip where the driver supports it (PostgreSQL, inside a transaction). */
    public static final int FETCH_SIZE = 1000;

    /** The JMH parameter value: {@code sqlite} or {@code postgresql}. */
    public static BenchDb of(String param) {
        return valueOf(param.toUpperCase(Locale.ROOT));
    }

    /** The folder for the SQLite file, {@code bench/results/tmp} under the working directory by default. */
    static Path sqliteFile() {
        Path dir = Path.of(System.getProperty("ashlar.bench.dir", "bench/results/tmp")).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + dir, e);
        }
        return dir.resolve("bench.db");
    }

    /** The PostgreSQL database name: {@code ashlar_bench} unless {@code ASHLAR_BENCH_DB} says otherwise. */
    static String postgresName() {
        String name = System.getenv("ASHLAR_BENCH_DB");
        return name == null || name.isBlank() ? "ashlar_bench" : name;
    }

    /** The URL for {@code Engine.create}. */
    public String ashlarUrl() {
        return switch (this) {
            case SQLITE -> "sqlite:///" + sqliteFile();
            case POSTGRESQL -> "postgresql://postgres@127.0.0.1:5432/" + postgresName();
        };
    }

    /** The engine options: the same driver options the peers' pool gets. */
    public EngineOptions ashlarOptions() {
        EngineOptions options = EngineOptions.defaults();
        for (Map.Entry<String, String> e : driverOptions().entrySet()) {
            options = options.driverProperty(e.getKey(), e.getValue());
        }
        return options;
    }

    String jdbcUrl() {
        return switch (this) {
            case SQLITE -> "jdbc:sqlite:" + sqliteFile();
            case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:5432/" + postgresName() + "?user=postgres";
        };
    }

    /**
     * Driver options beyond what Ashlar's dialect already sets on its pool, given to every library
     * alike: a default fetch size of 1,000 rows per round trip, as every library also sets per query.
     */
    private Map<String, String> driverOptions() {
        return switch (this) {
            case SQLITE -> Map.of();
            case POSTGRESQL -> Map.of("defaultRowFetchSize", String.valueOf(FETCH_SIZE));
        };
    }

    /** A pool for the peers, configured as Ashlar's dialect configures its own (see {@code configurePool}). */
    public HikariDataSource peerPool() {
        createDatabaseIfMissing();
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench-peers-" + name().toLowerCase(Locale.ROOT));
        config.setJdbcUrl(jdbcUrl());
        config.setMinimumIdle(0);
        config.setAutoCommit(true);
        switch (this) {
            case SQLITE -> {
                // The same pragmas as dev.ashlar.core.dialect.sqlite.SqliteDialect#configurePool.
                config.addDataSourceProperty("foreign_keys", "true");
                config.addDataSourceProperty("busy_timeout", String.valueOf(SqliteDialect.BUSY_TIMEOUT_MILLIS));
                config.addDataSourceProperty("journal_mode", "WAL");
                config.addDataSourceProperty("synchronous", "NORMAL");
                config.setMaximumPoolSize(4);
            }
            case POSTGRESQL -> {
                // As dev.ashlar.core.dialect.postgresql.PostgresDialect#configurePool.
                config.addDataSourceProperty("reWriteBatchedInserts", "true");
                config.setMaximumPoolSize(10);
            }
        }
        driverOptions().forEach(config::addDataSourceProperty);
        return new HikariDataSource(config);
    }

    /** Creates the PostgreSQL benchmark database on first use. */
    public void createDatabaseIfMissing() {
        if (this != POSTGRESQL) {
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, postgresName());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE DATABASE " + postgresName());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the PostgreSQL database " + postgresName(), e);
        }
    }

    /** jOOQ's dialect for this database. */
    public SQLDialect jooqDialect() {
        return this == SQLITE ? SQLDialect.SQLITE : SQLDialect.POSTGRES;
    }

    /** Hibernate's dialect class, or {@code null} to let Hibernate detect it. */
    public String hibernateDialect() {
        return this == SQLITE ? "org.hibernate.community.dialect.SQLiteDialect" : null;
    }

    // ---- hand-written JDBC column access ------------------------------------------------------

    /** The value to bind for a timestamp: Ashlar's text on SQLite, the {@code LocalDateTime} itself elsewhere. */
    public Object timeParam(LocalDateTime t) {
        return this == SQLITE ? SQLITE_TIME.format(t) : t;
    }

    /** The value to bind for a price: a double on SQLite (stored as REAL, as Ashlar does), the decimal elsewhere. */
    public Object priceParam(BigDecimal price) {
        return this == SQLITE ? (Object) price.doubleValue() : price;
    }

    /** Binds a timestamp parameter. */
    public void bindTime(PreparedStatement ps, int index, LocalDateTime t) throws SQLException {
        if (this == SQLITE) {
            ps.setString(index, SQLITE_TIME.format(t));
        } else {
            ps.setObject(index, t);
        }
    }

    /** Binds a price parameter. */
    public void bindPrice(PreparedStatement ps, int index, BigDecimal price) throws SQLException {
        if (this == SQLITE) {
            ps.setDouble(index, price.doubleValue());
        } else {
            ps.setBigDecimal(index, price);
        }
    }

    /** Reads a timestamp column. */
    public LocalDateTime readTime(ResultSet rs, int index) throws SQLException {
        if (this == SQLITE) {
            String text = rs.getString(index);
            return text == null ? null : parseSqliteTime(text);
        }
        return rs.getObject(index, LocalDateTime.class);
    }

    /**
     * Reads the fixed-width text {@code yyyy-MM-dd HH:mm:ss.ffffff} digit by digit, as Ashlar's SQLite
     * dialect does, so that the floor has the same advantage over a {@code DateTimeFormatter} (which
     * allocates its parse state per value); other text goes to the formatter. A deliberate copy of
     * {@code SqliteTypeCodecs}' parser: the floor is hand-written JDBC and must not call into Ashlar.
     */
    static LocalDateTime parseSqliteTime(String text) {
        if (text.length() == 26 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == ' '
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int micros = digits(text, 20, 26);
            if ((year | month | day | hour | minute | second | micros) >= 0) {
                return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
            }
        }
        return LocalDateTime.parse(text, SQLITE_TIME);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Reads a price column, with the column's scale of 2. */
    public BigDecimal readPrice(ResultSet rs, int index) throws SQLException {
        if (this == SQLITE) {
            // REAL holds at most 15 significant digits; BigDecimal.valueOf gives the shortest decimal for the double.
            double value = rs.getDouble(index);
            return value == 0 && rs.wasNull() ? null : BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_EVEN);
        }
        return rs.getBigDecimal(index);
    }

    /** Reads the five columns {@code id, name, description, price, created_at} of the current row. */
    public Item readItem(ResultSet rs) throws SQLException {
        return new Item(rs.getLong(1), rs.getString(2), rs.getString(3), readPrice(rs, 4), readTime(rs, 5));
    }
}
