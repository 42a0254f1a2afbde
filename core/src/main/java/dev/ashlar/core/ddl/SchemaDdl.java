package dev.ashlar.core.ddl;

import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.error.ConfigurationException;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Creates and drops a metadata's tables in foreign-key order. Tables that reference each other in a
 * cycle are created without the closing keys, which are added afterwards (SQLite, which checks keys
 * only on writes, gets them inline). {@link #createAll} skips tables that already exist, so it can
 * run at every start; {@link #createStatements} renders the DDL as text without a connection.
 */
public final class SchemaDdl {
    private SchemaDdl() {
    }

    /** The DDL that creates every table, key and index of {@code metadata} on {@code dialect}, in order. */
    public static List<String> createStatements(MetaData metadata, Dialect dialect) {
        return create(metadata, dialect, Set.of(), UnaryOperator.identity());
    }

    /** The DDL that drops every table of {@code metadata} on {@code dialect}, in order, then the types they used (PostgreSQL's enum types). */
    public static List<String> dropStatements(MetaData metadata, Dialect dialect) {
        return drop(metadata, dialect, null, UnaryOperator.identity());
    }

    /** Creates the tables of {@code metadata} that do not exist yet, with their keys and indexes, in one transaction where the database allows. */
    public static void createAll(Engine engine, MetaData metadata) {
        try (Connection connection = engine.connect()) {
            createAll(connection, metadata);
        }
    }

    /** Creates the missing tables over an open connection. */
    public static void createAll(Connection connection, MetaData metadata) {
        Inspector inspector = Inspector.of(connection);
        Set<String> existing = existingTables(inspector);
        List<String> statements = create(metadata, connection.dialect(), existing, inspector::tableKey);
        run(connection, statements);
    }

    /**
     * Drops the tables of {@code metadata} that exist, then the types that creating them made
     * (PostgreSQL's enum types), except those that tables outside the metadata still use.
     */
    public static void dropAll(Engine engine, MetaData metadata) {
        try (Connection connection = engine.connect()) {
            dropAll(connection, metadata);
        }
    }

    /** Drops the existing tables over an open connection. */
    public static void dropAll(Connection connection, MetaData metadata) {
        Inspector inspector = Inspector.of(connection);
        Set<String> existing = existingTables(inspector);
        DdlCompiler ddl = connection.dialect().ddl();
        boolean keysInTheWay = !ddl.canAddForeignKeys() && !metadata.cyclicForeignKeys().isEmpty();
        if (keysInTheWay) {
            // a database that cannot drop the keys of a cycle (SQLite) suspends key checks around the drops instead
            ddl.suspendForeignKeys().forEach(connection::executeSql);
        }
        try {
            run(connection, drop(metadata, connection.dialect(), existing, inspector::tableKey));
        } finally {
            if (keysInTheWay) {
                ddl.resumeForeignKeys().forEach(connection::executeSql);
            }
        }
    }

    /** Drops in reverse dependency order, first breaking cycles; {@code existing} null means every table. */
    private static List<String> drop(MetaData metadata, Dialect dialect, Set<String> existing, UnaryOperator<String> key) {
        DdlCompiler ddl = dialect.ddl();
        List<String> statements = new ArrayList<>();
        if (ddl.canAddForeignKeys()) {
            for (ForeignKey fk : metadata.cyclicForeignKeys()) {
                Table owner = owner(metadata, fk);
                if (fk.referencedTable() != owner && exists(owner, existing, key)) {
                    statements.add(ddl.dropForeignKey(owner, fk));
                }
            }
        }
        List<Table> order = new ArrayList<>(metadata.sortedTables());
        java.util.Collections.reverse(order);
        for (Table table : order) {
            if (exists(table, existing, key)) {
                statements.add(ddl.dropTable(table));
            }
        }
        // then the types the tables' creation made (PostgreSQL's enum types), each only where no other table uses it
        for (Table table : order) {
            ddl.dropTypes(table).stream().filter(sql -> !statements.contains(sql)).forEach(statements::add);
        }
        return statements;
    }

    /**
     * The tables that exist, each under the key by which the database tells names apart: exact on
     * PostgreSQL and MariaDB, where {@code "BAD_CASE"} and {@code bad_case} are two tables, and
     * folded on SQLite, where they are one.
     */
    private static Set<String> existingTables(Inspector inspector) {
        Set<String> existing = new HashSet<>();
        for (String name : inspector.tableNames()) {
            existing.add(inspector.tableKey(name));
        }
        return existing;
    }

    private static boolean exists(Table table, Set<String> existing, UnaryOperator<String> key) {
        return existing == null || existing.contains(key.apply(table.name()));
    }

    private static List<String> create(MetaData metadata, Dialect dialect, Set<String> existing, UnaryOperator<String> key) {
        requireReferencedTables(metadata);
        DdlCompiler ddl = dialect.ddl();
        List<ForeignKey> deferred = ddl.canAddForeignKeys() ? metadata.cyclicForeignKeys() : List.of();
        List<String> statements = new ArrayList<>();
        List<Table> created = new ArrayList<>();
        for (Table table : metadata.sortedTables()) {
            if (existing.contains(key.apply(table.name()))) {
                continue;
            }
            created.add(table);
            ddl.createTypes(table).stream().filter(sql -> !statements.contains(sql)).forEach(statements::add);
            statements.add(ddl.createTable(table, deferred));
            statements.addAll(ddl.commentStatements(table));
            statements.addAll(ddl.createUniqueIndexes(table));
            for (Index index : table.indexes()) {
                statements.add(ddl.createIndex(table, index));
            }
        }
        for (ForeignKey fk : deferred) {
            Table owner = owner(metadata, fk);
            if (created.contains(owner)) {
                statements.add(ddl.addForeignKey(owner, fk));
            }
        }
        return statements;
    }

    /**
     * Refuses a metadata whose foreign keys lead to a table it does not hold (a table of another
     * metadata): creating it would fail on the database, or silently leave the other table out.
     */
    private static void requireReferencedTables(MetaData metadata) {
        for (Table table : metadata.sortedTables()) {
            for (ForeignKey fk : table.foreignKeys()) {
                Table target = fk.referencedTable();
                if (target != null && metadata.get(target.name()) != target) {
                    throw new ConfigurationException("table " + table.name() + " has foreign key " + fk.name() + " to table "
                            + target.name() + ", which is not in the metadata given; create the tables from the one metadata"
                            + " that holds both (for models: Models.discover(), which maps every model of the program)");
                }
            }
        }
    }

    private static Table owner(MetaData metadata, ForeignKey fk) {
        return fk.columns().get(0).table();
    }

    private static void run(Connection connection, List<String> statements) {
        if (statements.isEmpty()) {
            return;
        }
        // PostgreSQL and SQLite run DDL inside transactions, so a failure leaves nothing half made;
        // MariaDB commits each DDL statement implicitly, whatever we do.
        try (Transaction tx = connection.begin()) {
            for (String sql : statements) {
                connection.executeSql(sql);
            }
            tx.commit();
        }
    }
}
