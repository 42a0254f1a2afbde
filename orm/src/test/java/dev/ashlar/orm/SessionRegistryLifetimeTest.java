package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Length;
import dev.ashlar.declarative.ManyToOne;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.declarative.OneToMany;
import dev.ashlar.declarative.References;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Registries given to sessions are not kept alive by the ORM: nothing static refers to them, and the
 * per-model data a session compiles lives with the registry's mappings. 10,000 registries, each
 * used by one session that maps two related models, loads and writes, must all be collectable
 * afterwards, and the heap after them must not grow with their number.
 */
class SessionRegistryLifetimeTest {
    private static final int ROUNDS = 10;
    private static final int PER_ROUND = 1_000;

    @Model(table = "lifetime_shelf")
    static class Shelf {
        @Id Long id;
        @Length(20) String name;
        @OneToMany(mappedBy = "shelf") List<Book> books = new ArrayList<>();
    }

    @Model(table = "lifetime_book")
    static class Book {
        @Id Long id;
        @References(model = Shelf.class) Long shelfId;
        @ManyToOne Ref<Shelf> shelf = new Ref<>();
    }

    @Test
    void tenThousandRegistriesWithASessionEachAreAllCollected() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ReferenceQueue<ModelRegistry> queue = new ReferenceQueue<>();
        List<WeakReference<ModelRegistry>> refs = new ArrayList<>(ROUNDS * PER_ROUND);
        long[] heapAfterRound = new long[ROUNDS];
        try (Engine engine = Engine.create("sqlite://")) {
            ModelRegistry first = registry();
            first.of(Shelf.class); // and Book, which its relationship reaches
            SchemaDdl.createAll(engine, first.metadata());
            try (Session session = Session.open(engine, SessionOptions.defaults().registry(registry()))) {
                Shelf shelf = new Shelf();
                shelf.id = 1L;
                shelf.name = "fiction";
                session.add(shelf);
                session.commit();
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < PER_ROUND; i++) {
                    ModelRegistry registry = registry();
                    try (Session session = Session.open(engine, SessionOptions.defaults().registry(registry))) {
                        Shelf shelf = session.get(Shelf.class, 1L);
                        assertThat(shelf.books).isEmpty(); // maps Book through the relationship and loads it
                        shelf.name = "n" + i;
                        session.commit();               // compiles and runs an UPDATE for this registry's model
                    }
                    refs.add(new WeakReference<>(registry, queue));
                }
                heapAfterRound[round] = usedHeapAfterGc(memory);
            }
        }
        int collected = 0;
        // wait for the collector to clear the references: a bounded number of collections, no sleeping
        for (int attempt = 0; attempt < 50 && collected < refs.size(); attempt++) {
            System.gc();
            Reference<? extends ModelRegistry> r;
            while ((r = queue.remove(100)) != null) {
                collected++;
            }
        }
        assertThat(collected).as("registries collected of %d", refs.size()).isEqualTo(refs.size());
        // flat: the last round holds no more than the first (plus a margin far below what 9,000 kept registries hold)
        long growth = heapAfterRound[ROUNDS - 1] - heapAfterRound[0];
        assertThat(growth).as("heap growth after %d more registries, bytes; per round %s", (ROUNDS - 1) * PER_ROUND,
                java.util.Arrays.toString(heapAfterRound)).isLessThan(8L * 1024 * 1024);
    }

    private static ModelRegistry registry() {
        return new ModelRegistry(new MetaData());
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
