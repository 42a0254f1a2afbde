package dev.ashlar.bench.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Boots Hibernate on the shared pool with every setting that makes it faster for this work: JDBC
 * batches of 1,000 with ordered inserts and updates, a fetch size, a pooled id generator, no
 * statistics and no schema management.
 */
public final class Hibernate {
    static {
        // Route Hibernate's logging through SLF4J, whose simplelogger.properties keeps it at WARN.
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    private Hibernate() {
    }

    /** A session factory for {@link ItemEntity} on {@code pool}. */
    public static SessionFactory sessionFactory(DataSource pool, BenchDb db) throws SQLException {
        prepareIdGenerator(pool, db);
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.connection.datasource", pool);
        if (db.hibernateDialect() != null) {
            settings.put("hibernate.dialect", db.hibernateDialect());
        }
        settings.put("hibernate.jdbc.batch_size", "1000");
        settings.put("hibernate.order_inserts", "true");
        settings.put("hibernate.order_updates", "true");
        settings.put("hibernate.jdbc.batch_versioned_data", "true");
        settings.put("hibernate.jdbc.fetch_size", String.valueOf(BenchDb.FETCH_SIZE));
        settings.put("hibernate.hbm2ddl.auto", "none");
        settings.put("hibernate.generate_statistics", "false");
        settings.put("hibernate.show_sql", "false");
        settings.put("hibernate.cache.use_second_level_cache", "false");
        settings.put("hibernate.cache.use_query_cache", "false");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            return new MetadataSources(registry).addAnnotatedClass(ItemEntity.class).buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /**
     * The id generator's backing object: a sequence that steps by the allocation size on PostgreSQL,
     * and on SQLite (no sequences) the one-row table Hibernate uses in its place.
     */
    static void prepareIdGenerator(DataSource pool, BenchDb db) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            if (db == BenchDb.POSTGRESQL) {
                s.execute("CREATE SEQUENCE IF NOT EXISTS items_hibernate_seq START WITH 1 INCREMENT BY " + ItemEntity.ID_BLOCK);
                s.execute("ALTER SEQUENCE items_hibernate_seq INCREMENT BY " + ItemEntity.ID_BLOCK);
                return;
            }
            s.execute("CREATE TABLE IF NOT EXISTS items_hibernate_seq (next_val bigint)");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM items_hibernate_seq")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    s.execute("INSERT INTO items_hibernate_seq (next_val) VALUES (1)");
                }
            }
        }
    }
}
