package dev.ashlar.cli.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.ashlar.cli.codegen.ModelClass.ColumnField;
import dev.ashlar.cli.codegen.ModelClass.Kind;
import dev.ashlar.cli.codegen.ModelClass.RelationField;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.ReferentialAction;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.declarative.MappingRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/** Writes the Java source of one planned model, and the package's {@code package-info.java}. */
final class ModelSource {
    private static final String DECLARATIVE = FieldTypes.DECLARATIVE;
    private static final ClassName REF = ClassName.get("dev.ashlar.orm", "Ref");
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName ARRAY_LIST = ClassName.get(ArrayList.class);
    private static final ClassName ACTION = ClassName.get(ReferentialAction.class);

    private ModelSource() {
    }

    /** The source of {@code model} in package {@code pkg}. */
    static String of(String pkg, ModelClass model) {
        Table table = model.table;
        TypeSpec.Builder type = TypeSpec.classBuilder(model.name)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("The model of table $L.\n", code(table.name()))
                .addAnnotation(inline(declarative("Model"), CodeBlock.of("table = $S", table.name())));
        for (String note : model.notes) {
            type.addJavadoc("\n<p>$L\n", note);
        }
        Map<Column<?>, ColumnField> fields = model.columns;
        for (UniqueConstraint uq : table.uniqueConstraints()) {
            if (uq.columns().size() > 1 && !uq.columns().equals(table.primaryKey())) {
                CodeBlock.Builder a = CodeBlock.builder().add("value = $L", fieldList(uq.columns(), fields));
                if (uq.name() != null) {
                    a.add(", name = $S", uq.name());
                }
                type.addAnnotation(inline(declarative("UniqueTogether"), a.build()));
            }
        }
        for (Index ix : table.indexes()) {
            CodeBlock.Builder a = CodeBlock.builder().add("value = $L", fieldList(ix.columns(), fields));
            if (ix.unique()) {
                a.add(", unique = true");
            }
            if (ix.name() != null) {
                a.add(", name = $S", ix.name());
            }
            type.addAnnotation(inline(declarative("IndexOn"), a.build()));
        }
        List<String> labels = new ArrayList<>();
        for (CheckConstraint ck : table.checks()) {
            String base = checkLabel(table.name(), ck);
            String label = base;
            for (int i = 2; labels.contains(label); i++) {
                label = base + "_" + i;
            }
            labels.add(label);
            type.addAnnotation(inline(declarative("Check"), CodeBlock.of("name = $S, sql = $S", label, ck.sql())));
        }
        for (ColumnField f : fields.values()) {
            type.addField(columnField(pkg, table, f, model));
        }
        for (RelationField r : model.relations) {
            type.addField(relationField(pkg, r));
        }
        return JavaFile.builder(pkg, type.build())
                .addFileComment("Written by ashlar codegen from table $L. Run codegen again rather than editing.", plain(table.name()))
                .indent("    ")
                .skipJavaLangImports(true)
                .build()
                .toString();
    }

    private static FieldSpec columnField(String pkg, Table table, ColumnField f, ModelClass model) {
        Column<?> c = f.column();
        FieldTypes.FieldType ft = FieldTypes.of(c.type());
        FieldSpec.Builder b = FieldSpec.builder(ft.type(), f.name(), Modifier.PUBLIC);
        if (c.isPrimaryKey()) {
            boolean given = table.primaryKey().size() == 1 && isInteger(c) && !c.isAutoincrement();
            b.addAnnotation(given ? inline(declarative("Id"), CodeBlock.of("generated = false")) : AnnotationSpec.builder(declarative("Id")).build());
        }
        if (f.key() != null) {
            b.addAnnotation(references(pkg, f.key(), model));
        }
        if (!c.isPrimaryKey() && !c.isNullable()) {
            b.addAnnotation(declarative("Required"));
        }
        ft.annotations().forEach(b::addAnnotation);
        boolean unique = table.uniqueConstraints().stream().anyMatch(u -> u.columns().equals(List.of(c)))
                && !table.primaryKey().equals(List.of(c));
        if (unique) {
            b.addAnnotation(declarative("Unique"));
        }
        if (c.serverDefault() instanceof ServerDefault.Literal literal) {
            b.addAnnotation(AnnotationSpec.builder(declarative("DatabaseDefault")).addMember("value", "$S", text(literal.value())).build());
        }
        if (!MappingRules.snakeCase(f.name()).equals(c.name())) {
            b.addAnnotation(inline(declarative("ColumnOptions"), CodeBlock.of("name = $S", c.name())));
        }
        return b.build();
    }

    private static AnnotationSpec references(String pkg, ForeignKey fk, ModelClass model) {
        ModelClass target = model.relations.stream().map(RelationField::target)
                .filter(t -> t.table == fk.referencedTable()).findFirst().orElseThrow();
        CodeBlock.Builder a = CodeBlock.builder().add("model = $T.class", ClassName.get(pkg, target.name));
        if (fk.onDelete() != ReferentialAction.NO_ACTION) {
            a.add(", onDelete = $T.$L", ACTION, fk.onDelete().name());
        }
        if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
            a.add(", onUpdate = $T.$L", ACTION, fk.onUpdate().name());
        }
        return inline(declarative("References"), a.build());
    }

    private static FieldSpec relationField(String pkg, RelationField r) {
        ClassName target = ClassName.get(pkg, r.target().name);
        boolean many = r.kind() == Kind.ONE_TO_MANY || r.kind() == Kind.MANY_TO_MANY;
        TypeName type = ParameterizedTypeName.get(many ? LIST : REF, target);
        ClassName annotation = declarative(switch (r.kind()) {
            case MANY_TO_ONE -> "ManyToOne";
            case ONE_TO_ONE, ONE_TO_ONE_INVERSE -> "OneToOne";
            case ONE_TO_MANY -> "OneToMany";
            case MANY_TO_MANY -> "ManyToMany";
        });
        List<CodeBlock> members = new ArrayList<>();
        if (!r.key().isEmpty()) {
            members.add(CodeBlock.of("key = $S", r.key()));
        }
        if (!r.mappedBy().isEmpty()) {
            members.add(CodeBlock.of("mappedBy = $S", r.mappedBy()));
        }
        if (r.through() != null) {
            members.add(CodeBlock.of("through = $T.class", ClassName.get(pkg, r.through().name)));
        }
        return FieldSpec.builder(type, r.name(), Modifier.PUBLIC)
                .addAnnotation(members.isEmpty() ? AnnotationSpec.builder(annotation).build()
                        : inline(annotation, CodeBlock.join(members, ", ")))
                .initializer(many ? "new $T<>()" : "new $T<>()", many ? ARRAY_LIST : REF)
                .build();
    }

    /** {@code {"a", "b"}}: the fields of {@code columns}, for a class-level constraint annotation. */
    private static CodeBlock fieldList(List<Column<?>> columns, Map<Column<?>, ColumnField> fields) {
        CodeBlock.Builder b = CodeBlock.builder().add("{");
        for (int i = 0; i < columns.size(); i++) {
            b.add(i == 0 ? "$S" : ", $S", fields.get(columns.get(i)).name());
        }
        return b.add("}").build();
    }

    /**
     * The label of a check in {@code ck_<table>_<label>}: the database's name without the table's
     * name or a {@code ck_} before it (PostgreSQL's {@code items_price_check} gives {@code price_check}),
     * so the name the model gives it stays short.
     */
    private static String checkLabel(String table, CheckConstraint ck) {
        String name = ck.name() == null ? ck.label() : ck.name();
        String label = name.replaceAll("[^A-Za-z0-9_]+", "_").toLowerCase(Locale.ROOT);
        String prefix = table.replaceAll("[^A-Za-z0-9_]+", "_").toLowerCase(Locale.ROOT) + "_";
        if (label.startsWith("ck_")) {
            label = label.substring(3);
        }
        if (label.startsWith(prefix) && label.length() > prefix.length()) {
            label = label.substring(prefix.length());
        }
        label = label.replaceAll("^_+|_+$", "");
        return label.isEmpty() ? "check" : label;
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(value);
    }

    private static boolean isInteger(Column<?> c) {
        Class<?> j = c.type().javaType();
        return j == Integer.class || j == Long.class || j == Short.class;
    }

    /**
     * An annotation with its members on one line, {@code @Model(table = "album")}: JavaPoet puts each
     * member of a multi-member annotation on its own line, which buries short annotations, so the
     * members are given as one code block in the place of {@code value}.
     */
    private static AnnotationSpec inline(ClassName annotation, CodeBlock members) {
        return AnnotationSpec.builder(annotation).addMember("value", "$L", members).build();
    }

    private static ClassName declarative(String name) {
        return ClassName.get(DECLARATIVE, name);
    }

    /** A name in a line comment: no line breaks, and no backslash that could start a unicode escape. */
    private static String plain(String name) {
        return name.replace("\\", "\\\\").replaceAll("\\p{Cntrl}", " ");
    }

    /** A database name inside a comment: HTML-escaped in {@code <code>}, so no name can end the comment or start a tag. */
    static String code(String name) {
        StringBuilder b = new StringBuilder("<code>");
        for (char ch : name.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '@' -> b.append("&#64;");
                case '*' -> b.append("&#42;");
                case '/' -> b.append("&#47;");
                case '{' -> b.append("&#123;");
                case '}' -> b.append("&#125;");
                case '\\' -> b.append("&#92;");
                default -> b.append(ch < 0x20 ? ' ' : ch);
            }
        }
        return b.append("</code>").toString();
    }

    /** {@code package-info.java}: what the package is, and the tables left out with the reason for each. */
    static String packageInfo(String pkg, Map<String, String> skipped) {
        StringBuilder b = new StringBuilder("// Written by ashlar codegen. Run codegen again rather than editing.\n");
        b.append("/**\n * Models of a database's tables, written by {@code ashlar codegen}.\n");
        if (!skipped.isEmpty()) {
            b.append(" *\n * <p>Tables left out:\n * <ul>\n");
            skipped.forEach((table, reason) -> b.append(" *   <li>").append(code(table)).append(": ").append(reason).append(".\n"));
            b.append(" * </ul>\n");
        }
        return b.append(" */\npackage ").append(pkg).append(";\n").toString();
    }
}
