package dev.ashlar.compliance;

import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.bool;
import static dev.ashlar.core.types.Types.date;
import static dev.ashlar.core.types.Types.float32;
import static dev.ashlar.core.types.Types.float64;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.json;
import static dev.ashlar.core.types.Types.largeBinary;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.smallInteger;
import static dev.ashlar.core.types.Types.string;
import static dev.ashlar.core.types.Types.text;
import static dev.ashlar.core.types.Types.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.diff.SchemaDiff;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Comment;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.ReferentialAction;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.schema.TableElement;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.core.types.NumericType;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.Types;
import dev.ashlar.testkit.Blns;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The round trip contract of {@link RoundTripPropertyTest} and {@link OneDatabaseRoundTripPropertyTest}:
 * for generated metadata (every type with edge lengths, precisions and scales; defaults of every
 * kind; composite keys, self-references and cycles; every constraint kind; long names, reserved
 * words, mixed case and naughty strings as quoted names), createAll, then reflect, then diff gives no
 * change, in either direction; dropAll then leaves neither tables nor enum types.
 */
final class SchemaRoundTrip {
    private static final List<String> RESERVED = List.of("order", "select", "group", "user", "table", "from", "check", "key", "index", "default");
    private static final List<String> NAUGHTY = naughtyNames();

    /**
     * Naughty strings that every database takes as a quoted name: within the Basic Multilingual
     * Plane (MariaDB), short, not blank, no control characters, no trailing space, and not a DOS
     * device name: InnoDB refuses a foreign key to a table named {@code CON} or {@code COM2}
     * (errno 150), though it creates the table (the identifiers drill covers such names).
     */
    private static List<String> naughtyNames() {
        List<String> out = new ArrayList<>();
        for (String s : Blns.storable()) {
            boolean bmp = s.codePoints().allMatch(cp -> cp < 0x10000 && cp != 0xFFFD);
            if (bmp && !s.isBlank() && !s.endsWith(" ") && s.length() <= 20 && s.getBytes(StandardCharsets.UTF_8).length <= 40
                    && s.chars().noneMatch(ch -> ch < 0x20) && !s.matches("(?i)(CON|PRN|AUX|NUL|COM\\d|LPT\\d)(\\..*)?")) {
                out.add(s);
            }
        }
        return out;
    }

    private SchemaRoundTrip() {
    }

    /**
     * Empties {@code db}, then creates, reflects, diffs both ways and drops one random schema on it.
     *
     * @return the number of tables the schema had
     */
    static int check(TestDatabase db, Engine engine, Random random) {
        db.reset();
        try (Connection conn = engine.connect()) {
            MetaData md = new Generator(random, conn.dialect()).metadata();
            String ddl = String.join(";\n", SchemaDdl.createStatements(md, conn.dialect()));
            SchemaDdl.createAll(conn, md);
            MetaData reflected = Inspector.of(conn).reflect();
            SchemaDiff forward = SchemaDiff.compare(reflected, md, conn.dialect());
            assertThat(forward.changes()).as("%s\nafter\n%s", forward, ddl).isEmpty();
            SchemaDiff backward = SchemaDiff.compare(md, reflected, conn.dialect());
            assertThat(backward.changes()).as("%s\nafter\n%s", backward, ddl).isEmpty();
            // what reflection read creates the same schema again
            assertThat(SchemaDdl.createStatements(reflected, conn.dialect())).isNotEmpty();
            SchemaDdl.dropAll(conn, md);
            assertThat(Inspector.of(conn).tableNames()).isEmpty();
            // and the enum types that createAll made (PostgreSQL's) went with the tables
            assertThat(Inspector.of(conn).enumTypes()).isEmpty();
            return md.tables().size();
        }
    }

    /** One random schema, within what the dialect can express. */
    private static final class Generator {
        private final Random r;
        private final Dialect dialect;
        private final DdlCompiler ddl;
        private final Set<String> tableKeys = new HashSet<>();

        Generator(Random r, Dialect dialect) {
            this.r = r;
            this.dialect = dialect;
            this.ddl = dialect.ddl();
        }

        private record Spec(String name, List<Column<?>> columns, List<Column<?>> key, List<TableElement> extra, String comment) {
        }

        MetaData metadata() {
            MetaData md = new MetaData();
            int tables = 1 + r.nextInt(3);
            List<Spec> specs = new ArrayList<>();
            for (int t = 0; t < tables; t++) {
                specs.add(table(t));
            }
            // foreign keys: to any table's key, earlier, later (a cycle) or itself, single or composite
            for (Spec spec : specs) {
                int keys = r.nextInt(3);
                for (int k = 0; k < keys; k++) {
                    Spec target = specs.get(r.nextInt(specs.size()));
                    if (target.key().isEmpty()) {
                        continue;
                    }
                    List<Column<?>> from = new ArrayList<>();
                    ReferentialAction onDelete = pick(ReferentialAction.NO_ACTION, ReferentialAction.CASCADE, ReferentialAction.SET_NULL,
                            ReferentialAction.RESTRICT);
                    for (Column<?> referenced : target.key()) {
                        String ref = "ref" + k + "_" + referenced.name();
                        Column<?> c = Column.of(uniqueColumnName(spec, ref.substring(0, Math.min(ref.length(), 40))), referenced.type());
                        spec.columns().add(c);
                        from.add(c);
                    }
                    spec.extra().add(new ForeignKey(null, from, target.key(), onDelete,
                            pick(ReferentialAction.NO_ACTION, ReferentialAction.CASCADE)));
                }
            }
            for (Spec spec : specs) {
                List<TableElement> elements = new ArrayList<>(spec.columns());
                elements.addAll(spec.extra());
                if (spec.comment() != null) {
                    elements.add(Comment.of(spec.comment()));
                }
                md.table(spec.name(), elements.toArray(TableElement[]::new));
            }
            return md;
        }

        private Spec table(int t) {
            String name;
            do {
                name = name("t" + t);
            } while (!tableKeys.add(fold(name)));
            Spec spec = new Spec(name, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    ddl.supportsComments() && r.nextInt(4) == 0 ? pick("a table", "it's", "100% \\ naughty", "") : null);
            int n = 1 + r.nextInt(6);
            for (int i = 0; i < n; i++) {
                spec.columns().add(column(spec, i));
            }
            int keySize = r.nextInt(3);
            List<Column<?>> candidates = spec.columns().stream().filter(c -> keyable(c.type())).toList();
            List<Column<?>> key = new ArrayList<>();
            for (int i = 0; i < keySize && i < candidates.size(); i++) {
                key.add(candidates.get(i));
            }
            // a key column is NOT NULL without default or a single integer key that generates values
            List<Column<?>> rebuilt = new ArrayList<>();
            for (Column<?> c : spec.columns()) {
                if (key.contains(c)) {
                    Column<?> k = Column.of(c.name(), c.type()).primaryKey().comment(c.comment());
                    boolean integerKey = key.size() == 1 && (c.type().javaType() == Long.class || c.type().javaType() == Integer.class
                            || c.type().javaType() == Short.class);
                    if (integerKey && r.nextBoolean()) {
                        k.autoincrement(false);
                    }
                    spec.key().add(k);
                    rebuilt.add(k);
                } else {
                    rebuilt.add(c);
                }
            }
            spec.columns().clear();
            spec.columns().addAll(rebuilt);
            List<Column<?>> indexable = spec.columns().stream().filter(c -> keyable(c.type())).toList();
            if (!indexable.isEmpty() && r.nextBoolean()) {
                spec.extra().add(new UniqueConstraint(null, List.of(indexable.get(r.nextInt(indexable.size())))));
            }
            if (!indexable.isEmpty() && r.nextBoolean()) {
                Column<?> c = indexable.get(r.nextInt(indexable.size()));
                Index ix = Index.on(c).named(shortName("ix" + t + "_" + r.nextInt(1000)));
                if (r.nextBoolean()) {
                    ix = ix.asUnique();
                }
                if (r.nextBoolean()) {
                    ix = ix.descending(c);
                }
                if (ddl.supportsPartialIndexes() && r.nextBoolean()) {
                    ix = ix.where(dialect.quoteIdentifier(c.name()) + " IS NOT NULL");
                }
                spec.extra().add(ix);
            }
            if (ddl.supportsExpressionIndexes() && r.nextInt(3) == 0) {
                spec.columns().stream().filter(c -> c.type() instanceof dev.ashlar.core.types.StringType).findFirst().ifPresent(c ->
                        spec.extra().add(Index.onExpressions("lower(" + dialect.quoteIdentifier(c.name()) + ")")
                                .named(shortName("ex" + t + "_" + r.nextInt(1000)))));
            }
            for (Column<?> c : spec.columns()) {
                if (c.isPrimaryKey()) {
                    continue; // MariaDB refuses a CHECK on an AUTO_INCREMENT column
                }
                if (r.nextInt(4) == 0 && c.type() instanceof NumericType || c.type().javaType() == Integer.class && r.nextInt(4) == 0) {
                    spec.extra().add(new CheckConstraint(shortName("ck" + t + "_" + c.name().hashCode()), null,
                            dialect.quoteIdentifier(c.name()) + " >= 0"));
                } else if (c.type() instanceof dev.ashlar.core.types.StringType && r.nextInt(5) == 0) {
                    spec.extra().add(new CheckConstraint(shortName("cs" + t + "_" + c.name().hashCode()), null,
                            "length(" + dialect.quoteIdentifier(c.name()) + ") < 1000"));
                }
            }
            return spec;
        }

        private Column<?> column(Spec spec, int i) {
            SqlType<?> type = type();
            Column<?> c = Column.of(uniqueColumnName(spec, name("c" + i)), type);
            if (r.nextInt(3) == 0) {
                c.notNull();
            }
            ServerDefault d = r.nextInt(3) == 0 ? defaultFor(type) : null;
            if (d != null) {
                c.serverDefault(d);
            }
            if (ddl.supportsComments() && r.nextInt(5) == 0) {
                c.comment(pick("a column", "quote ' and \\ backslash", "ünïcödé"));
            }
            return c;
        }

        private SqlType<?> type() {
            return switch (r.nextInt(20)) {
                case 0 -> integer();
                case 1 -> smallInteger();
                case 2 -> bigInteger();
                case 3 -> bool();
                case 4 -> string(pick(1, 2, 40, 255));
                case 5 -> string();
                case 6 -> text();
                case 7 -> numeric(1, 0);
                case 8 -> numeric(pick(15, 16, 38), pick(0, 2, 15));
                case 9 -> numeric(65, 30);
                case 10 -> float32();
                case 11 -> float64();
                case 12 -> date();
                case 13 -> Types.time(precision());
                case 14 -> Types.dateTime(precision());
                case 15 -> Types.dateTimeTz(precision());
                case 16 -> largeBinary();
                case 17 -> uuid();
                // a named enum type always has the same values (PostgreSQL keeps one type per name); unnamed ones vary
                case 18 -> r.nextBoolean() ? Types.databaseEnum("Mood Type", List.of("happy", "it's", "back\\slash"))
                        : Types.databaseEnum(null, List.of(pick("a", "x"), pick("b", "ünï", "with space"), pick("c", "100%")));
                default -> json();
            };
        }

        /** A fractional-second precision: the edges 0 and 6 (the default) more often than the rest. */
        private int precision() {
            return switch (r.nextInt(4)) {
                case 0 -> 0;
                case 1 -> 6;
                default -> r.nextInt(7);
            };
        }

        private ServerDefault defaultFor(SqlType<?> type) {
            Class<?> j = type.javaType();
            if (type instanceof NumericType n) {
                BigDecimal v = BigDecimal.ONE.movePointLeft(Math.min(n.scale(), 2));
                return ServerDefault.literal(r.nextBoolean() ? v : v.negate());
            }
            if (j == Integer.class || j == Long.class || j == Short.class) {
                return ServerDefault.literal(pick(0, -1, 42, 32767));
            }
            if (j == Boolean.class) {
                return ServerDefault.literal(r.nextBoolean());
            }
            if (j == Double.class || j == Float.class) {
                return ServerDefault.literal(pick(1.5, -0.25, 0.0));
            }
            if (type instanceof dev.ashlar.core.types.DatabaseEnumType e) {
                return ServerDefault.literal(e.values().get(r.nextInt(e.values().size())));
            }
            if (type instanceof dev.ashlar.core.types.StringType || type instanceof dev.ashlar.core.types.TextType) {
                String v = pick("", "x", "it's", "back\\slash", "100%", "ünï");
                int max = type instanceof dev.ashlar.core.types.StringType s && s.length().isPresent() ? s.length().getAsInt() : 100;
                return ServerDefault.literal(v.length() <= max ? v : v.substring(0, max));
            }
            if (type.equals(date())) {
                return ServerDefault.literal("2024-02-29");
            }
            if (type instanceof dev.ashlar.core.types.DateTimeType) {
                return ServerDefault.currentTimestamp(); // MariaDB needs CURRENT_TIMESTAMP(p) to match the column's p
            }
            if (type.equals(uuid())) {
                return ServerDefault.literal("00000000-0000-0000-0000-000000000001");
            }
            return null;
        }

        /** Types every database can key and index without a prefix length. */
        private static boolean keyable(SqlType<?> type) {
            return !(type.equals(text()) || type.equals(json()) || type.equals(largeBinary()) || type.equals(float32())
                    || type.equals(float64()) || type instanceof dev.ashlar.core.types.DateTimeTzType);
        }

        private String name(String plain) {
            return switch (r.nextInt(6)) {
                case 0 -> pick(RESERVED.toArray(String[]::new));
                case 1 -> "Mixed" + plain.toUpperCase(Locale.ROOT) + "Case";
                // as long as the database allows: 63 bytes on PostgreSQL, 64 characters on MariaDB, 100 here on SQLite
                case 2 -> (plain + "_" + "long".repeat(30)).substring(0, Math.min(100, dialect.identifierLimit().max()));
                case 3 -> NAUGHTY.get(r.nextInt(NAUGHTY.size()));
                default -> plain;
            };
        }

        /** Column names must differ as MariaDB compares them: without case and accents. */
        private String uniqueColumnName(Spec spec, String name) {
            String candidate = name;
            int n = 0;
            while (true) {
                String key = fold(candidate);
                if (spec.columns().stream().noneMatch(c -> fold(c.name()).equals(key))) {
                    return candidate;
                }
                candidate = "c" + (++n) + "_" + spec.columns().size();
            }
        }

        private static String fold(String name) {
            return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
        }

        private static String shortName(String name) {
            return name.replace('-', 'm');
        }

        @SafeVarargs
        private <T> T pick(T... options) {
            return options[r.nextInt(options.length)];
        }
    }
}
