package dev.ashlar.core.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlitePlanLineTest {

    @Test
    void scanWithoutIndexIsFullScan() {
        assertThat(SqlitePlanLine.parse("SCAN items")).isEqualTo(new SqlitePlanLine("SCAN", "items", false, null, true));
    }

    @Test
    void olderScanTableWordingIsRead() {
        assertThat(SqlitePlanLine.parse("SCAN TABLE items")).isEqualTo(new SqlitePlanLine("SCAN", "items", false, null, true));
        assertThat(SqlitePlanLine.parse("SCAN TABLE items AS i"))
                .isEqualTo(new SqlitePlanLine("SCAN", "items", true, null, true));
        assertThat(SqlitePlanLine.parse("SEARCH TABLE items AS i USING INDEX ix_items_name (name=?)"))
                .isEqualTo(new SqlitePlanLine("SEARCH", "items", true, "ix_items_name", false));
    }

    @Test
    void searchUsingIndexIsLookup() {
        assertThat(SqlitePlanLine.parse("SEARCH items USING INDEX ix_items_name (name=?)"))
                .isEqualTo(new SqlitePlanLine("SEARCH", "items", false, "ix_items_name", false));
        assertThat(SqlitePlanLine.parse("SEARCH items USING COVERING INDEX ix_items_name (name>? AND name<?)"))
                .isEqualTo(new SqlitePlanLine("SEARCH", "items", false, "ix_items_name", false));
    }

    @Test
    void primaryKeyLookupNamesThePrimaryKey() {
        assertThat(SqlitePlanLine.parse("SEARCH items USING INTEGER PRIMARY KEY (rowid=?)"))
                .isEqualTo(new SqlitePlanLine("SEARCH", "items", false, "PRIMARY KEY", false));
        assertThat(SqlitePlanLine.parse("SEARCH tags USING PRIMARY KEY (name=?)"))
                .isEqualTo(new SqlitePlanLine("SEARCH", "tags", false, "PRIMARY KEY", false));
    }

    @Test
    void scanThroughIndexIsFullScanThatUsesTheIndex() {
        assertThat(SqlitePlanLine.parse("SCAN items USING COVERING INDEX ix_items_name"))
                .isEqualTo(new SqlitePlanLine("SCAN", "items", false, "ix_items_name", true));
        assertThat(SqlitePlanLine.parse("SCAN items USING INDEX ix_items_name"))
                .isEqualTo(new SqlitePlanLine("SCAN", "items", false, "ix_items_name", true));
    }

    @Test
    void automaticIndexReadsTheWholeTableAndNamesNoIndex() {
        assertThat(SqlitePlanLine.parse("SEARCH o USING AUTOMATIC COVERING INDEX (item_id=?)"))
                .isEqualTo(new SqlitePlanLine("SEARCH", "o", false, null, true));
        assertThat(SqlitePlanLine.parse("SEARCH o USING AUTOMATIC PARTIAL COVERING INDEX (item_id=?)"))
                .isEqualTo(new SqlitePlanLine("SEARCH", "o", false, null, true));
    }

    @Test
    void aliasIsKeptAsTarget() {
        assertThat(SqlitePlanLine.parse("SCAN i")).isEqualTo(new SqlitePlanLine("SCAN", "i", false, null, true));
        assertThat(SqlitePlanLine.parse("SEARCH \"my items\" USING INDEX \"ix name\" (name=?)"))
                .isEqualTo(new SqlitePlanLine("SEARCH", "my items", false, "ix name", false));
    }

    @Test
    void scansOfNoStoredTableAreNoFullScan() {
        assertThat(SqlitePlanLine.parse("SCAN CONSTANT ROW")).isEqualTo(new SqlitePlanLine("SCAN", null, false, null, false));
        assertThat(SqlitePlanLine.parse("SCAN (subquery-1)")).isEqualTo(new SqlitePlanLine("SCAN", null, false, null, false));
        assertThat(SqlitePlanLine.parse("SCAN SUBQUERY 1")).isEqualTo(new SqlitePlanLine("SCAN", null, false, null, false));
    }

    @Test
    void otherLinesAreOperationsWithoutTable() {
        for (String line : new String[] {"USE TEMP B-TREE FOR ORDER BY", "MATERIALIZE c", "CO-ROUTINE (subquery-2)",
                "SCALAR SUBQUERY 2", "CORRELATED SCALAR SUBQUERY 1", "LIST SUBQUERY 1", "COMPOUND QUERY",
                "MULTI-INDEX OR", "BLOOM FILTER ON o (item_id=?)", ""}) {
            assertThat(SqlitePlanLine.parse(line)).isEqualTo(new SqlitePlanLine(line, null, false, null, false));
        }
        assertThat(SqlitePlanLine.parse(null)).isEqualTo(new SqlitePlanLine("", null, false, null, false));
    }
}
