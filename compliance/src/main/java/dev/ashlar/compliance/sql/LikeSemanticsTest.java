package dev.ashlar.compliance.sql;

import static dev.ashlar.compliance.sql.Shop.column;
import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Condition;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.sql.Like;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One meaning of LIKE on every database: {@code like} respects case, {@code ilike} ignores it for
 * all of Unicode (accents still count), and {@code contains}/{@code startsWith}/{@code endsWith}
 * take their text literally.
 */
class LikeSemanticsTest {
    private static final List<String> NAMES = List.of("Élodie", "élodie", "ELODIE", "elodie", "100% pure", "100 percent",
            "a_b", "axb", "back\\slash", "ΑΘΗΝΑ", "αθηνα", "ЖУК", "жук", "ÄÖÜ", "äöü");

    private final MetaData md = new MetaData();
    private final Column<Integer> id = Column.of("id", integer()).primaryKey().autoincrement(false);
    private final Column<String> name = Column.of("name", string(100)).notNull();
    private final Table people = md.table("people", id, name);

    @AllDatabases
    void likeRespectsCaseAndIlikeIgnoresItForAllOfUnicode(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, md);
            try (Connection c = engine.connect()) {
                Insert insert = insertInto(people);
                for (int i = 0; i < NAMES.size(); i++) {
                    insert = (i == 0 ? insert : insert.nextRow()).set(id, i).set(name, NAMES.get(i));
                }
                c.execute(insert);

                assertThat(names(c, name.like("%lodie"))).containsExactly("Élodie", "élodie", "elodie");
                assertThat(names(c, name.like("E%"))).containsExactly("ELODIE");
                assertThat(names(c, name.like("ä%"))).containsExactly("äöü");
                assertThat(names(c, name.ilike("%élodie%"))).as("accents count, case does not").containsExactly("Élodie", "élodie");
                assertThat(names(c, name.ilike("ÉLODIE"))).containsExactly("Élodie", "élodie");
                assertThat(names(c, name.ilike("elodie"))).containsExactly("ELODIE", "elodie");
                assertThat(names(c, name.ilike("αθηνα"))).containsExactly("ΑΘΗΝΑ", "αθηνα");
                assertThat(names(c, name.ilike("Жук"))).containsExactly("ЖУК", "жук");
                assertThat(names(c, name.ilike("äÖü"))).containsExactly("ÄÖÜ", "äöü");
                assertThat(names(c, name.ilike("_öü"))).containsExactly("ÄÖÜ", "äöü");
                assertThat(names(c, name.ilike("%ö%").not())).hasSize(NAMES.size() - 2);
            }
        }
    }

    @AllDatabases
    void literalTextAndHandWrittenEscapes(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, md);
            try (Connection c = engine.connect()) {
                Insert insert = insertInto(people);
                for (int i = 0; i < NAMES.size(); i++) {
                    insert = (i == 0 ? insert : insert.nextRow()).set(id, i).set(name, NAMES.get(i));
                }
                c.execute(insert);

                assertThat(names(c, name.contains("0%"))).containsExactly("100% pure");
                assertThat(names(c, name.contains("a_b"))).containsExactly("a_b");
                assertThat(names(c, name.like("a_b"))).as("an unescaped _ is a wildcard").containsExactly("a_b", "axb");
                assertThat(names(c, name.contains("\\"))).containsExactly("back\\slash");
                assertThat(names(c, name.startsWith("100%"))).containsExactly("100% pure");
                assertThat(names(c, name.startsWith("100"))).containsExactly("100% pure", "100 percent");
                assertThat(names(c, name.endsWith("\\slash"))).containsExactly("back\\slash");
                assertThat(names(c, name.endsWith("lodie"))).containsExactly("Élodie", "élodie", "elodie");
                assertThat(names(c, name.like("100!%%", '!'))).containsExactly("100% pure");
                assertThat(names(c, name.like("%\\", '!'))).as("backslash is plain text under another escape").isEmpty();
                assertThat(names(c, name.like("back\\%", '!'))).containsExactly("back\\slash");
                assertThat(names(c, name.ilike("A!_B", '!'))).containsExactly("a_b");
            }
        }
    }

    @Test
    void escapingAndBadEscapeCharacters() {
        assertThat(Like.escape("50%_off\\", '\\')).isEqualTo("50\\%\\_off\\\\");
        assertThat(Like.escape("a!b%", '!')).isEqualTo("a!!b!%");
        assertThatThrownBy(() -> name.like("x", '%')).isInstanceOf(AshlarException.class).hasMessageContaining("escape");
        assertThatThrownBy(() -> name.ilike("x", 'E')).isInstanceOf(AshlarException.class).hasMessageContaining("escape");
    }

    private List<String> names(Connection c, Condition condition) {
        return column(c, select(name).from(people).where(condition).orderBy(id));
    }
}
