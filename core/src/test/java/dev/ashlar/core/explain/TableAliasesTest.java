package dev.ashlar.core.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableAliasesTest {

    @Test
    void resolvesAliasesFromFromAndJoin() {
        TableAliases aliases = TableAliases.of(
                "SELECT * FROM items AS i JOIN orders o ON o.item_id = i.id LEFT JOIN main.tags t ON t.id = i.id WHERE i.name = ?");
        assertThat(aliases.tableFor("i")).isEqualTo("items");
        assertThat(aliases.tableFor("O")).isEqualTo("orders");
        assertThat(aliases.tableFor("t")).isEqualTo("tags");
        assertThat(aliases.tableFor("items")).isEqualTo("items");
        assertThat(aliases.tableFor(null)).isNull();
    }

    @Test
    void readsCommaListsAndQuotedNames() {
        TableAliases aliases = TableAliases.of("select * from \"items\" \"x\", `orders` y, tags where x.id = y.id");
        assertThat(aliases.tableFor("x")).isEqualTo("items");
        assertThat(aliases.tableFor("y")).isEqualTo("orders");
        assertThat(aliases.tableFor("tags")).isEqualTo("tags");
    }

    @Test
    void keywordsAreNoAliasesAndLiteralsAreIgnored() {
        TableAliases aliases = TableAliases.of(
                "SELECT * FROM items WHERE name = 'from x join y z' ORDER BY id -- from a b\n");
        assertThat(aliases.tableFor("where")).isEqualTo("where");
        assertThat(aliases.tableFor("z")).isEqualTo("z");
        assertThat(aliases.tableFor("b")).isEqualTo("b");
    }

    @Test
    void subqueryAliasStaysUnresolved() {
        TableAliases aliases = TableAliases.of("SELECT * FROM (SELECT id FROM items i) AS s JOIN orders o ON o.id = s.id");
        assertThat(aliases.tableFor("s")).isEqualTo("s");
        assertThat(aliases.tableFor("i")).isEqualTo("items");
        assertThat(aliases.tableFor("o")).isEqualTo("orders");
    }
}
