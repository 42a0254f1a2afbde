package dev.ashlar.cli.codegen;

import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.lang.model.SourceVersion;

/**
 * Writes model classes for the tables of a reflected schema: one class per table with a field per
 * column, a {@code @ManyToOne} (or {@code @OneToOne}, where the key is unique) per foreign key with
 * its {@code @OneToMany} on the other side, and a {@code @ManyToMany} on both sides of a table that
 * holds nothing but two keys. The output depends on the schema alone (no time, no host), so running
 * it again gives the same bytes.
 *
 * <pre>{@code
 * MetaData schema = Inspector.of(connection).reflect();
 * GeneratedModels models = ModelGenerator.generate(schema, "com.example.music", List.of(), name -> { });
 * models.writeTo(Path.of("src/main/java"));
 * }</pre>
 */
public final class ModelGenerator {
    private ModelGenerator() {
    }

    /**
     * Plans and writes the sources in memory; nothing touches the disk until {@link GeneratedModels#writeTo}.
     *
     * @param schema      the reflected schema
     * @param packageName the package of the models, such as {@code com.example.music}
     * @param tables      the tables to generate, by their names in the database; empty means all
     * @param onModel     told each model's class name as its source is written, for progress
     * @throws UsageException           when {@code packageName} is not a Java package name
     * @throws CodegenException         naming every table or column that models cannot declare, or a table that does not exist
     */
    public static GeneratedModels generate(MetaData schema, String packageName, Collection<String> tables, Consumer<String> onModel) {
        if (!isPackageName(packageName)) {
            throw new UsageException("'" + packageName + "' is not a Java package name; give one such as com.example.models");
        }
        List<Table> chosen = new ArrayList<>();
        if (tables.isEmpty()) {
            chosen.addAll(schema.tables());
        } else {
            List<String> missing = new ArrayList<>();
            for (String name : tables) {
                Table t = schema.get(name);
                if (t == null) {
                    missing.add("table " + name + " does not exist; the database has " + schema.tables().stream().map(Table::name).toList());
                } else if (!chosen.contains(t)) {
                    chosen.add(t);
                }
            }
            if (!missing.isEmpty()) {
                throw new CodegenException(missing);
            }
        }
        SchemaPlan plan = SchemaPlan.of(chosen);
        Path folder = Path.of("", packageName.split("\\."));
        Map<Path, String> files = new TreeMap<>();
        List<String> names = new ArrayList<>();
        for (ModelClass model : plan.models) {
            onModel.accept(model.name);
            files.put(folder.resolve(model.name + ".java"), ModelSource.of(packageName, model));
            names.add(model.name);
        }
        files.put(folder.resolve("package-info.java"), ModelSource.packageInfo(packageName, plan.skipped));
        Map<String, String> tablesByModel = new TreeMap<>();
        plan.models.forEach(m -> tablesByModel.put(m.name, m.table.name()));
        return new GeneratedModels(files, tablesByModel, plan.skipped);
    }

    /** Whether {@code name} is a Java package name: dot-separated identifiers, none of them a keyword. */
    public static boolean isPackageName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (String part : name.split("\\.", -1)) {
            if (!SourceVersion.isIdentifier(part) || SourceVersion.isKeyword(part)) {
                return false;
            }
        }
        return true;
    }
}
