package dev.ashlar.core.sql;

import static dev.ashlar.core.sql.Shop.dec;
import static dev.ashlar.core.sql.Sql.count;
import static dev.ashlar.core.sql.Sql.cte;
import static dev.ashlar.core.sql.Sql.exists;
import static dev.ashlar.core.sql.Sql.length;
import static dev.ashlar.core.sql.Sql.partitionBy;
import static dev.ashlar.core.sql.Sql.rowNumber;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.sum;
import static dev.ashlar.core.sql.Sql.with;
import static dev.ashlar.core.types.Types.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.mariadb.MariaDbDialect;
import dev.ashlar.core.dialect.postgresql.PostgresDialect;
import dev.ashlar.core.dialect.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;

/**
 * The SQL each dialect writes for a representative set of queries, so that a change in rendering
 * shows up in review. The database tests beside this class check what these statements return.
 */
class GoldenSqlTest {
    private final Shop s = new Shop();
    private final Dialect sqlite = new SqliteDialect();
    private final Dialect postgres = new PostgresDialect();
    private final Dialect mariadb = new MariaDbDialect();

    private void golden(SqlNode node, String sqliteSql, String postgresSql, String mariadbSql) {
        assertThat(sqlite.compile(node).sql()).as("sqlite").isEqualTo(sqliteSql);
        assertThat(postgres.compile(node).sql()).as("postgresql").isEqualTo(postgresSql);
        assertThat(mariadb.compile(node).sql()).as("mariadb").isEqualTo(mariadbSql);
    }

    private void same(SqlNode node, String sql) {
        golden(node, sql, sql, sql);
    }

    @Test
    void filtersAndJoins() {
        same(select(s.name, s.catName).from(s.items).join(s.categories).where(s.price.between(dec("1"), dec("2")).and(s.qty.isNull())),
                "SELECT items.name, categories.name FROM items JOIN categories ON items.category_id = categories.id"
                        + " WHERE (items.price BETWEEN ? AND ?) AND (items.qty IS NULL)");
        golden(select(s.name).from(s.items).where(s.name.ilike("%a%")),
                "SELECT items.name FROM items WHERE ashlar_ilike(items.name, ?, '\\')",
                "SELECT items.name FROM items WHERE items.name ILIKE ? ESCAPE '\\'",
                "SELECT items.name FROM items WHERE lower(items.name) LIKE lower(?) ESCAPE '\\\\'");
        TableAlias i = s.items.as("i");
        same(select(s.supName).from(s.suppliers).where(exists(select(i.col(s.id)).from(i).where(i.col(s.supplierId).eq(s.supId)))),
                "SELECT suppliers.name FROM suppliers WHERE EXISTS (SELECT i.id FROM items AS i WHERE i.supplier_id = suppliers.id)");
    }

    @Test
    void fullJoinIsRefusedOnMariaDb() {
        Select q = select(s.name, s.supName).from(s.items).fullJoin(s.suppliers);
        assertThat(sqlite.compile(q).sql()).isEqualTo(
                "SELECT items.name, suppliers.name FROM items FULL JOIN suppliers ON items.supplier_id = suppliers.id");
        assertThatThrownBy(() -> mariadb.compile(q)).isInstanceOf(dev.ashlar.core.error.UnsupportedFeatureException.class)
                .hasMessageContaining("mariadb has no FULL JOIN");
    }

    @Test
    void orderingNullsAndPaging() {
        golden(select(s.name).from(s.items).orderBy(s.qty.desc().nullsLast()).offset(2),
                "SELECT items.name FROM items ORDER BY items.qty DESC NULLS LAST LIMIT -1 OFFSET 2",
                "SELECT items.name FROM items ORDER BY items.qty DESC NULLS LAST OFFSET 2",
                "SELECT items.name FROM items ORDER BY items.qty IS NULL ASC, items.qty DESC LIMIT 18446744073709551615 OFFSET 2");
    }

    @Test
    void aggregatesWindowsAndLabels() {
        Labeled<Long> n = count().as("n");
        same(select(s.categoryId, n).from(s.items).groupBy(s.categoryId).having(count().gt(1L)).orderBy(n.desc()),
                "SELECT items.category_id, count(*) AS n FROM items GROUP BY items.category_id HAVING count(*) > ? ORDER BY n DESC");
        same(select(s.name, rowNumber().over(partitionBy(s.categoryId).orderBy(s.price.desc())).as("rn"),
                        sum(s.price).over().as("total")).from(s.items),
                "SELECT items.name, row_number() OVER (PARTITION BY items.category_id ORDER BY items.price DESC) AS rn,"
                        + " sum(items.price) OVER () AS total FROM items");
    }

    @Test
    void functionsAndArithmetic() {
        golden(select(length(s.name), s.qty.div(2), s.price.div(2), s.name.concat("!")).from(s.items),
                "SELECT length(items.name), items.qty / ?, CAST(items.price AS REAL) / ?, items.name || ? FROM items",
                "SELECT char_length(items.name), items.qty / ?, items.price / ?, items.name || ? FROM items",
                "SELECT char_length(items.name), items.qty DIV ?, items.price / ?, items.name || ? FROM items");
        golden(select(Sql.cast(s.price, integer())).from(s.items),
                "SELECT CAST(round(items.price) AS INTEGER) FROM items",
                "SELECT CAST(items.price AS INTEGER) FROM items",
                "SELECT CAST(items.price AS SIGNED) FROM items");
    }

    @Test
    void ctesAndSetOperations() {
        Cte cheap = cte("cheap", select(s.id).from(s.items).where(s.price.lt(dec("5"))));
        same(with(cheap).select(cheap.col(s.id)).from(cheap),
                "WITH cheap AS (SELECT items.id FROM items WHERE items.price < ?) SELECT cheap.id FROM cheap");
        Select a = select(s.categoryId).from(s.items);
        Select b = select(s.catId).from(s.categories);
        same(a.union(b).intersect(b).orderBy(s.categoryId.asc()),
                "SELECT * FROM (SELECT items.category_id FROM items UNION SELECT categories.id FROM categories) AS ashlar_set1"
                        + " INTERSECT SELECT categories.id FROM categories ORDER BY category_id ASC");
    }
}
