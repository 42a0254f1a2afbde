package dev.ashlar.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.dialect.LexicalRules;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The raw-SQL {@code :name} parser skips every literal, quoted identifier and comment form of each
 * dialect, as its {@link LexicalRules} declare them, and each form is run on the database: the
 * colon text comes back unchanged and only the real placeholder is bound.
 */
class RawSqlParametersTest {
    /** One form of literal or comment: a select item (or trailing text) holding {@code :hidden}, and what it reads back as. */
    record Form(String name, String sql, String label, Object expected) {
    }

    /** The forms the dialect's rules declare, each with a colon inside. */
    private static List<Form> forms(LexicalRules rules) {
        List<Form> forms = new ArrayList<>();
        forms.add(new Form("string literal", "'a :hidden b' AS v", "v", "a :hidden b"));
        forms.add(new Form("doubled quote", "'it''s :hidden' AS v", "v", "it's :hidden"));
        forms.add(new Form("line comment", "1 AS v -- :hidden\n", "v", 1));
        forms.add(new Form("block comment", "/* :hidden */ 1 AS v", "v", 1));
        if (rules.doubleQuotedStrings()) {
            forms.add(new Form("double-quoted string", "\"dq :hidden\" AS v", "v", "dq :hidden"));
        } else {
            forms.add(new Form("double-quoted identifier", "1 AS \"v :hidden\"", "v :hidden", 1));
        }
        if (rules.backslashEscapes()) {
            forms.add(new Form("backslash escape", "'it\\'s :hidden' AS v", "v", "it's :hidden"));
            if (rules.doubleQuotedStrings()) {
                forms.add(new Form("backslash in double quotes", "\"say \\\" :hidden\" AS v", "v", "say \" :hidden"));
            }
        }
        if (rules.escapeStrings()) {
            forms.add(new Form("E'' escape string", "E'it\\'s :hidden' AS v", "v", "it's :hidden"));
        }
        if (rules.dollarQuotedStrings()) {
            forms.add(new Form("dollar quotes", "$$ it's :hidden $$ AS v", "v", " it's :hidden "));
            forms.add(new Form("tagged dollar quotes", "$tag$ $$ :hidden $tag$ AS v", "v", " $$ :hidden "));
        }
        if (rules.nestedBlockComments()) {
            forms.add(new Form("nested block comment", "/* outer /* inner */ :hidden */ 1 AS v", "v", 1));
        }
        if (rules.hashComments()) {
            forms.add(new Form("hash comment", "1 AS v # :hidden\n", "v", 1));
        }
        if (rules.identifierQuotes().contains("`")) {
            forms.add(new Form("backtick identifier", "1 AS `v :hidden`", "v :hidden", 1));
        }
        if (rules.identifierQuotes().contains("[")) {
            forms.add(new Form("bracket identifier", "1 AS [v :hidden]", "v :hidden", 1));
        }
        return forms;
    }

    @AllDatabases
    void colonsInsideEveryLiteralAndCommentFormAreTextAndOnlyTheRealPlaceholderBinds(TestDatabase db) {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            List<Form> forms = forms(conn.dialect().lexicalRules());
            assertThat(forms).hasSizeGreaterThanOrEqualTo(6);
            for (Form form : forms) {
                String sql = "SELECT " + form.sql() + (form.sql().endsWith("\n") ? "" : " ") + ", :p AS p";
                if (form.sql().endsWith("\n")) {
                    sql = "SELECT :p AS p, " + form.sql();
                }
                Row row = conn.sql(sql, Map.of("p", 7)).one();
                assertThat(((Number) row.get("p")).intValue()).as(form.name()).isEqualTo(7);
                Object value = row.get(form.label());
                if (form.expected() instanceof Integer i) {
                    assertThat(((Number) value).intValue()).as(form.name()).isEqualTo(i);
                } else {
                    assertThat(value).as(form.name()).isEqualTo(form.expected());
                }
            }
        }
    }

    @AllDatabases
    void aCastAfterAPlaceholderIsNotAPlaceholder(TestDatabase db) {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            // :: is PostgreSQL's cast; elsewhere the parser must still not read ":int" as a placeholder
            NamedParameters parsed = NamedParameters.parse("SELECT :n::int + 1", conn.dialect().lexicalRules());
            assertThat(parsed.names()).containsExactly("n");
            assertThat(parsed.sql()).isEqualTo("SELECT ?::int + 1");
        }
    }

    @org.junit.jupiter.api.Test
    void theParserFollowsTheRulesItIsGiven() {
        LexicalRules postgres = new LexicalRules(false, false, true, true, true, false, "");
        LexicalRules mariadb = new LexicalRules(true, true, false, false, false, true, "`");
        assertThat(NamedParameters.parse("SELECT $$ :a $$, $x$ :b $x$, E'\\' :c', :real", postgres).names()).containsExactly("real");
        assertThat(NamedParameters.parse("SELECT /* /* */ :a */ :real", postgres).names()).containsExactly("real");
        assertThat(NamedParameters.parse("SELECT $1, :real", postgres).names()).containsExactly("real");
        assertThat(NamedParameters.parse("SELECT `c :c`, 'x\\' :y', \"z\\\" :z\", :real # :f", mariadb).names()).containsExactly("real");
        // the standard rules know none of those forms, so the same text yields their colons too
        assertThat(NamedParameters.parse("SELECT $$ :a $$, `c :c`, :real # :f", LexicalRules.STANDARD).names())
                .containsExactly("a", "c", "real", "f");
    }
}
