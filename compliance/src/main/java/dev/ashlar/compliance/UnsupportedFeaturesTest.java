package dev.ashlar.compliance;

import static dev.ashlar.core.sql.Sql.deleteFrom;
import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.update;
import static dev.ashlar.core.types.Types.bool;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.Feature;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.error.CheckViolationException;
import dev.ashlar.core.error.UniqueViolationException;
import dev.ashlar.core.error.UnsupportedFeatureException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every dialect is asked for every {@link Feature}, through the public API. Where the dialect
 * declares the feature ({@link Dialect#supports}), it must work: the database then holds what the
 * feature promised. Where it declares the feature missing, the attempt must fail with an
 * {@link UnsupportedFeatureException} naming the feature, the database and the alternative, and the
 * database must hold what it held before (nothing was sent). Each feature works on its own tables,
 * so one feature's outcome cannot change another's.
 */
class UnsupportedFeaturesTest {
    private final MetaData md = new MetaData();
    private final Column<Integer> ownerId = Column.of("id", integer()).primaryKey().autoincrement(false);
    private final Table owners = md.table("owners", ownerId);
    private final Column<Integer> petId = Column.of("id", integer()).primaryKey().autoincrement(false);
    private final Column<String> petName = Column.of("name", string(20));
    private final Column<Integer> petOwner = Column.of("owner_id", integer());
    private final Table pets = md.table("pets", petId, petName, petOwner);
    private final Column<Integer> tagId = Column.of("id", integer()).primaryKey().autoincrement(false);
    private final Column<String> tagName = Column.of("name", string(20));
    private final Column<Boolean> tagLive = Column.of("live", bool());
    private final Table tags = md.table("tags", tagId, tagName, tagLive);
    private final Column<Integer> emailId = Column.of("id", integer()).primaryKey().autoincrement(false);
    private final Column<String> email = Column.of("email", string(40));
    private final Table emails = md.table("emails", emailId, email);
    private final Column<Integer> codeId = Column.of("id", integer()).primaryKey().autoincrement(false);
    private final Column<String> code = Column.of("code", string(10));
    private final Table codes = md.table("codes", codeId, code);

    @AllDatabases
    void everyFeatureWorksOrIsRefusedNamingFeatureDatabaseAndAlternative(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, md);
            conn.execute(insertInto(owners).values(List.of(Map.of(ownerId, 1), Map.of(ownerId, 2))));
            conn.execute(insertInto(pets).values(List.of(row(petId, 10, petName, "rex", petOwner, 1),
                    row(petId, 11, petName, "tom", petOwner, null))));
            Dialect dialect = conn.dialect();
            List<Feature> refused = new ArrayList<>();
            for (Feature feature : Feature.values()) {
                Attempt attempt = attempt(feature, conn, db);
                if (dialect.supports(feature)) {
                    attempt.use().run();
                    attempt.worked().check();
                } else {
                    assertThatThrownBy(() -> attempt.use().run()).as(feature + " on " + dialect.name())
                            .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                                assertThat(e.feature()).isEqualTo(feature.description());
                                assertThat(e.database()).isEqualTo(dialect.name());
                                assertThat(e.alternative()).isEqualTo(feature.alternative());
                                assertThat(e.getMessage()).contains(feature.description(), dialect.name(), feature.alternative());
                            });
                    attempt.untouched().check();
                    refused.add(feature);
                }
            }
            assertThat(refused).as("refused on " + dialect.name()).containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(Feature.values()).filter(f -> !dialect.supports(f)).toList());
        }
    }

    /** How {@code feature} is used, what the database holds when it worked, and what it holds when refused. */
    private Attempt attempt(Feature feature, Connection conn, TestDatabase db) {
        return switch (feature) {
            case FULL_JOIN -> {
                List<List<Integer>> joined = new ArrayList<>();
                yield new Attempt(
                        () -> conn.query(select(petId, ownerId).from(pets).fullJoin(owners, petOwner.eq(ownerId))).list()
                                .forEach(r -> joined.add(Arrays.asList(r.get(petId), r.get(ownerId)))),
                        // every pet and every owner, matched where they match: rex with 1, tom alone, owner 2 alone
                        () -> assertThat(joined).containsExactlyInAnyOrder(List.of(10, 1), Arrays.asList(11, null),
                                Arrays.asList(null, 2)),
                        () -> assertThat(joined).isEmpty());
            }
            case INSERT_RETURNING -> {
                List<Row> returned = new ArrayList<>();
                yield new Attempt(
                        () -> returned.add(conn.insertReturning(insertInto(pets).values(row(petId, 20, petName, "new", petOwner, 2))
                                .returning(petName))),
                        () -> {
                            assertThat(returned).extracting(r -> r.get(petName)).containsExactly("new");
                            assertThat(names(db, "pets", 20)).containsExactly("new");
                        },
                        () -> assertThat(names(db, "pets", 20)).isEmpty());
            }
            case UPDATE_RETURNING -> {
                List<Row> returned = new ArrayList<>();
                yield new Attempt(
                        () -> returned.addAll(conn.executeReturning(update(pets).set(petName, "renamed").where(petId.eq(10))
                                .returning(petName))),
                        () -> {
                            assertThat(returned).extracting(r -> r.get(petName)).containsExactly("renamed");
                            assertThat(names(db, "pets", 10)).containsExactly("renamed");
                        },
                        () -> assertThat(names(db, "pets", 10)).containsExactly("rex"));
            }
            case DELETE_RETURNING -> {
                List<Row> returned = new ArrayList<>();
                yield new Attempt(
                        () -> returned.addAll(conn.executeReturning(deleteFrom(pets).where(petId.eq(11)).returning(petName))),
                        () -> {
                            assertThat(returned).extracting(r -> r.get(petName)).containsExactly("tom");
                            assertThat(names(db, "pets", 11)).isEmpty();
                        },
                        () -> assertThat(names(db, "pets", 11)).containsExactly("tom"));
            }
            case PARTIAL_INDEXES -> {
                // unique among live tags only: a retired tag may share its name with a live one
                Index index = Index.uniqueOn(tagName).named("ux_tags_live_name").where("live = " + conn.dialect().booleanLiteral(true));
                yield new Attempt(
                        () -> conn.executeSql(conn.dialect().ddl().createIndex(tags, index)),
                        () -> {
                            conn.execute(insertInto(tags).values(List.of(row(tagId, 1, tagName, "a", tagLive, true),
                                    row(tagId, 2, tagName, "a", tagLive, false))));
                            assertThatThrownBy(() -> conn.execute(insertInto(tags).values(row(tagId, 3, tagName, "a", tagLive, true))))
                                    .isInstanceOf(UniqueViolationException.class);
                            assertThat(names(db, "tags", 1, 2, 3)).containsExactly("a", "a");
                        },
                        () -> {
                            // no index was made: two live tags of one name are accepted
                            conn.execute(insertInto(tags).values(List.of(row(tagId, 1, tagName, "a", tagLive, true),
                                    row(tagId, 2, tagName, "a", tagLive, true))));
                            assertThat(names(db, "tags", 1, 2)).containsExactly("a", "a");
                        });
            }
            case EXPRESSION_INDEXES -> {
                Index index = Index.onExpressions("lower(email)").named("ux_emails_lower").asUnique();
                yield new Attempt(
                        () -> conn.executeSql(conn.dialect().ddl().createIndex(emails, index)),
                        () -> {
                            conn.execute(insertInto(emails).values(row(emailId, 1, email, "Ann@example.org")));
                            assertThatThrownBy(() -> conn.execute(insertInto(emails).values(row(emailId, 2, email, "ann@EXAMPLE.org"))))
                                    .isInstanceOf(UniqueViolationException.class);
                            assertThat(count(db, "emails")).isEqualTo(1);
                        },
                        () -> {
                            conn.execute(insertInto(emails).values(List.of(row(emailId, 1, email, "Ann@example.org"),
                                    row(emailId, 2, email, "ann@EXAMPLE.org"))));
                            assertThat(count(db, "emails")).isEqualTo(2);
                        });
            }
            case ALTER_CONSTRAINTS -> {
                // a CHECK: SQLite adds a unique constraint in place as a unique index, but nothing else
                CheckConstraint check = new CheckConstraint("ck_codes_code_short", "code_short", "length(code) <= 2");
                yield new Attempt(
                        () -> conn.executeSql(conn.dialect().ddl().addCheck(codes, check)),
                        () -> {
                            conn.execute(insertInto(codes).values(row(codeId, 1, code, "X1")));
                            assertThatThrownBy(() -> conn.execute(insertInto(codes).values(row(codeId, 2, code, "XYZ"))))
                                    .isInstanceOf(CheckViolationException.class);
                            assertThat(count(db, "codes")).isEqualTo(1);
                        },
                        () -> {
                            conn.execute(insertInto(codes).values(List.of(row(codeId, 1, code, "X1"), row(codeId, 2, code, "XYZ"))));
                            assertThat(count(db, "codes")).isEqualTo(2);
                        });
            }
        };
    }

    /** A use of a feature, and what the database must hold after it worked, or after it was refused. */
    private record Attempt(Runnable use, Check worked, Check untouched) {
    }

    @FunctionalInterface
    private interface Check {
        void check();
    }

    /** A row of column values given in pairs; values may be null, unlike with {@code Map.of}. */
    private static Map<Column<?>, Object> row(Object... pairs) {
        Map<Column<?>, Object> row = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((Column<?>) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    /** The {@code name} (or {@code email}, {@code code}) of the rows with these ids, read over plain JDBC, in id order. */
    private static List<String> names(TestDatabase db, String table, int... ids) {
        String in = String.join(", ", Arrays.stream(ids).mapToObj(Integer::toString).toList());
        List<String> out = new ArrayList<>();
        try (java.sql.Connection c = db.openJdbc(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM " + table + " WHERE id IN (" + in + ") ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static int count(TestDatabase db, String table) {
        try (java.sql.Connection c = db.openJdbc(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
