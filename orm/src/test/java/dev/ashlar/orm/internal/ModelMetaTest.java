package dev.ashlar.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.ManyToOne;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.declarative.OneToMany;
import dev.ashlar.declarative.References;
import dev.ashlar.orm.Ref;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The answers {@link ModelMeta} keeps as fields for loading (asked once per loaded row) agree with
 * the mapping they were taken from. In-memory only: nothing here reaches a database.
 */
class ModelMetaTest {
    @Model(table = "meta_counted")
    static class Counted {
        @Id long id; // primitive and generated: zero means "no key yet"
        String name;
    }

    @Model(table = "meta_boxed")
    static class Boxed {
        @Id Long id;
    }

    @Model(table = "meta_given")
    static class Given {
        @Id(generated = false) long code; // primitive but not generated: zero is a real key
    }

    @Model(table = "meta_pair")
    static class Pair {
        @Id(generated = false) Long left;
        @Id(generated = false) Long right;
    }

    @Model(table = "meta_shelf")
    static class Shelf {
        @Id Long id;
        @OneToMany(mappedBy = "shelf") List<Book> books = new ArrayList<>();
    }

    @Model(table = "meta_book")
    static class Book {
        @Id Long id;
        @References(model = Shelf.class) Long shelfId;
        @ManyToOne Ref<Shelf> shelf = new Ref<>();
    }

    @Model(table = "meta_note")
    record Note(@Id Long id, String text) {
    }

    private final ModelRegistry registry = new ModelRegistry(new MetaData());

    private ModelMeta meta(Class<?> model) {
        return ModelMeta.of(registry, model);
    }

    @Test
    void aLoadedKeyIsUnsetExactlyWhenTheFieldsOwnRuleSaysSo() {
        for (Class<?> model : List.of(Counted.class, Boxed.class, Given.class)) {
            ModelMeta meta = meta(model);
            int at = meta.keyIndexes()[0];
            for (Object key : new Object[] {null, 0L, 0, 7L, -1L}) {
                Object[] values = new Object[meta.mapping().fields().size()];
                values[at] = key;
                boolean unset = meta.key().get(0).isUnsetKey(key);
                assertThat(meta.keyValueOfValues(values)).as("%s key %s", model.getSimpleName(), key)
                        .isEqualTo(unset ? null : key);
            }
        }
        assertThat(meta(Counted.class).keyValueOfValues(new Object[] {0L, "a"})).isNull();
        assertThat(meta(Given.class).keyValueOfValues(new Object[] {0L})).isEqualTo(0L);
        assertThat(meta(Boxed.class).keyValueOfValues(new Object[] {0L})).isEqualTo(0L);
    }

    @Test
    void aCompositeKeyIsTheListOfItsValuesOrNullWhileOneIsUnset() {
        ModelMeta meta = meta(Pair.class);
        assertThat(meta.keyValueOfValues(new Object[] {1L, 2L})).isEqualTo(List.of(1L, 2L));
        assertThat(meta.keyValueOfValues(new Object[] {1L, null})).isNull();
    }

    @Test
    void recordsAndRelationshipsAreAnsweredAsTheMappingDoes() {
        for (Class<?> model : List.of(Counted.class, Shelf.class, Book.class, Note.class)) {
            ModelMeta meta = meta(model);
            assertThat(meta.hasRelationships()).as(model.getSimpleName()).isEqualTo(!meta.relationships().isEmpty());
            assertThat(meta.isRecord()).as(model.getSimpleName()).isEqualTo(meta.mapping().isRecord());
        }
        assertThat(meta(Shelf.class).hasRelationships()).isTrue();
        assertThat(meta(Counted.class).hasRelationships()).isFalse();
        assertThat(meta(Note.class).isRecord()).isTrue();
        assertThat(meta(Counted.class).isRecord()).isFalse();
    }
}
