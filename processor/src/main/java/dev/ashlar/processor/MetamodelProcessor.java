package dev.ashlar.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.declarative.Check;
import dev.ashlar.declarative.ColumnOptions;
import dev.ashlar.declarative.DefaultNow;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.IndexOn;
import dev.ashlar.declarative.Length;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelFactory;
import dev.ashlar.declarative.ModelMapping;
import dev.ashlar.declarative.Models;
import dev.ashlar.declarative.Relation;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.declarative.Numeric;
import dev.ashlar.declarative.Precision;
import dev.ashlar.declarative.RenamedFrom;
import dev.ashlar.declarative.Text;
import dev.ashlar.declarative.Transient;
import dev.ashlar.declarative.UniqueTogether;
import dev.ashlar.declarative.MappingRules;
import dev.ashlar.declarative.MappingRules.FieldFacts;
import dev.ashlar.declarative.MappingRules.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Generated;
import javax.annotation.processing.Messager;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Generates a typed metamodel for every {@link Model} class: for {@code Item}, a class {@code Item_}
 * in the same package with the model, its table, and one {@code Column<T>} constant per mapped
 * field, so that column references and the types of compared values are checked by the compiler,
 * and one {@code Relation<Item, T>} constant per relationship field, so that loading options name
 * relationships the compiler knows.
 * Mistakes it can see in the model (unmappable types, a BigDecimal without {@code @Numeric}, no
 * {@code @Id}, ...) become compile errors on the field, by the same {@link MappingRules} the runtime
 * applies. Found by javac through {@code META-INF/services}, so declaring the processor jar as a
 * {@code provided} dependency is enough.
 */
public final class MetamodelProcessor extends AbstractProcessor {
    /** Claims the field annotations too, so that javac does not warn that no processor took them. */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Model.class.getPackageName() + ".*");
    }

    // named through the classes themselves, so that a rename is a compile error here rather than broken generated code
    private static final ClassName MODEL_MAPPING = ClassName.get(ModelMapping.class);
    private static final ClassName MODELS = ClassName.get(Models.class);
    private static final ClassName TABLE = ClassName.get(Table.class);
    private static final ClassName COLUMN = ClassName.get(Column.class);
    private static final ClassName RELATION = ClassName.get(Relation.class);

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /** Binary names of the models seen in every round, written to {@link ModelRegistry#MODEL_INDEX} in the last. */
    private final java.util.SortedSet<String> models = new java.util.TreeSet<>();
    private final List<Element> modelElements = new ArrayList<>();
    /** The model that maps each table, over every round of this compilation. */
    private final Map<String, TypeElement> modelByTable = new HashMap<>();
    /** The model that each {@code @RenamedFrom} on a model names as its old table, over every round. */
    private final Map<String, TypeElement> modelByOldTable = new java.util.LinkedHashMap<>();

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element element : round.getElementsAnnotatedWith(Model.class)) {
            if (element.getKind() != ElementKind.CLASS && element.getKind() != ElementKind.RECORD) {
                error(element.getSimpleName() + ": @Model applies only to classes and records", element);
                continue;
            }
            TypeElement type = (TypeElement) element;
            models.add(processingEnv.getElementUtils().getBinaryName(type).toString());
            modelElements.add(type);
            if (claimTable(type)) {
                generate(type);
            }
        }
        if (round.processingOver() && !models.isEmpty()) {
            checkTableRenames();
            writeModelIndex();
        }
        return true;
    }

    private void writeModelIndex() {
        try {
            javax.tools.FileObject index = processingEnv.getFiler().createResource(javax.tools.StandardLocation.CLASS_OUTPUT, "",
                    ModelRegistry.MODEL_INDEX, modelElements.toArray(new Element[0]));
            try (java.io.Writer w = index.openWriter()) {
                for (String model : models) {
                    w.write(model);
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + ModelRegistry.MODEL_INDEX + ": " + e.getMessage());
        }
    }

    /**
     * Checks the models' {@code @RenamedFrom} against each other once every model is known: an old
     * table that another model still maps, or that two models claim, is an error on the model.
     */
    private void checkTableRenames() {
        for (var e : modelByOldTable.entrySet()) {
            TypeElement owner = modelByTable.get(e.getKey());
            if (owner != null && !owner.equals(e.getValue())) {
                error(MappingRules.tableRenameClashProblem(e.getValue().getQualifiedName().toString(), e.getKey(),
                        owner.getQualifiedName().toString(), true), e.getValue());
            }
        }
    }

    /** Records a model's {@code @RenamedFrom}, reporting a blank or unchanged name and a second claim of one old table. */
    private boolean checkTableRename(TypeElement type, String modelName) {
        RenamedFrom renamed = type.getAnnotation(RenamedFrom.class);
        if (renamed == null) {
            return true;
        }
        String table = MappingRules.tableName(type.getSimpleName().toString(), type.getAnnotation(Model.class).table());
        String problem = MappingRules.tableRenameProblem(modelName, table, renamed.value());
        if (problem == null) {
            TypeElement first = modelByOldTable.putIfAbsent(renamed.value(), type);
            if (first != null && !first.equals(type)) {
                problem = MappingRules.tableRenameClashProblem(modelName, renamed.value(), first.getQualifiedName().toString(), false);
            }
        }
        if (problem != null) {
            error(problem, type);
        }
        return problem == null;
    }

    /**
     * Records the model's table, or reports that another model of this compilation maps it already,
     * naming both (the same rule the runtime registry applies); {@code false} then.
     */
    private boolean claimTable(TypeElement type) {
        String table = MappingRules.tableName(type.getSimpleName().toString(), type.getAnnotation(Model.class).table());
        TypeElement first = modelByTable.putIfAbsent(table, type);
        if (first == null || first.equals(type)) {
            return true;
        }
        error(MappingRules.sharedTableProblem(type.getQualifiedName().toString(), table, first.getQualifiedName().toString()), type);
        return false;
    }

    /** A field that maps cleanly: its element, column name and the Java type its column holds. */
    private record MappedField(VariableElement element, String column, TypeName columnType) {
    }

    private void generate(TypeElement type) {
        String modelName = type.getSimpleName().toString();
        boolean ok = true;
        boolean hasId = false;
        List<MappedField> mapped = new ArrayList<>();
        Map<String, String> fieldByColumn = new HashMap<>();
        for (VariableElement field : mappedFields(type)) {
            String fieldName = field.getSimpleName().toString();
            hasId |= field.getAnnotation(Id.class) != null;
            FieldFacts facts = facts(field);
            if (facts == null) {
                continue; // an unresolved type: javac reports it already
            }
            List<String> problems = MappingRules.problems(facts);
            dev.ashlar.declarative.DatabaseEnum databaseEnum = field.getAnnotation(dev.ashlar.declarative.DatabaseEnum.class);
            if (databaseEnum != null && problems.isEmpty()) {
                problems.addAll(MappingRules.databaseEnumProblems(facts, List.of(databaseEnum.values())));
            }
            for (String problem : problems) {
                error(modelName + "." + fieldName + ": " + problem, field);
            }
            if (!problems.isEmpty()) {
                ok = false;
                continue;
            }
            ColumnOptions override = field.getAnnotation(ColumnOptions.class);
            String column = override != null && !override.name().isEmpty() ? override.name() : MappingRules.snakeCase(fieldName);
            String previous = fieldByColumn.putIfAbsent(column, fieldName);
            if (previous != null) {
                error(MappingRules.duplicateColumnProblem(modelName, previous, fieldName, column), field);
                ok = false;
                continue;
            }
            Kind kind = MappingRules.kindOf(facts.rawTypeName(), facts.isEnum()).orElseThrow();
            mapped.add(new MappedField(field, column, columnType(kind, field.asType())));
        }
        if (!hasId) {
            error(MappingRules.noIdProblem(modelName), type);
            ok = false;
        }
        ok &= checkTableConstraints(type, modelName);
        ok &= checkRenames(modelName, mapped);
        ok &= checkTableRename(type, modelName);
        List<RelationField> relations = relationFields(type);
        if (ok) {
            write(type, mapped, relations);
        }
    }

    /**
     * Checks the class-level {@code @UniqueTogether}, {@code @IndexOn} and {@code @Check} by the same
     * rules as the runtime: every name must be a mapped field. Returns whether all are sound.
     */
    private boolean checkTableConstraints(TypeElement type, String modelName) {
        List<String> mapped = mappedFields(type).stream().map(f -> f.getSimpleName().toString()).toList();
        List<String> problems = new ArrayList<>();
        for (UniqueTogether u : type.getAnnotationsByType(UniqueTogether.class)) {
            List<String> names = List.of(u.value());
            problems.addAll(MappingRules.constraintFieldProblems(modelName, MappingRules.describeConstraint("UniqueTogether", names),
                    names, mapped));
        }
        for (IndexOn ix : type.getAnnotationsByType(IndexOn.class)) {
            List<String> names = List.of(ix.value());
            problems.addAll(MappingRules.constraintFieldProblems(modelName, MappingRules.describeConstraint("IndexOn", names),
                    names, mapped));
        }
        for (Check ck : type.getAnnotationsByType(Check.class)) {
            problems.addAll(MappingRules.checkProblems(modelName, ck.name(), ck.sql()));
        }
        for (String problem : problems) {
            error(problem, type);
        }
        return problems.isEmpty();
    }

    /** Checks the fields' {@code @RenamedFrom} by the runtime's rules, each problem an error on its field. */
    private boolean checkRenames(String modelName, List<MappedField> mapped) {
        Map<String, String> columnByField = new java.util.LinkedHashMap<>();
        Map<String, String> renamedByField = new java.util.LinkedHashMap<>();
        Map<String, VariableElement> elements = new HashMap<>();
        for (MappedField f : mapped) {
            String name = f.element().getSimpleName().toString();
            columnByField.put(name, f.column());
            elements.put(name, f.element());
            RenamedFrom renamed = f.element().getAnnotation(RenamedFrom.class);
            if (renamed != null) {
                renamedByField.put(name, renamed.value());
            }
        }
        List<String> problems = MappingRules.renameProblems(modelName, columnByField, renamedByField);
        for (String problem : problems) {
            String field = problem.substring(modelName.length() + 1, problem.indexOf(':'));
            error(problem, elements.get(field));
        }
        return problems.isEmpty();
    }

    /** A relationship field and the model it leads to. */
    private record RelationField(VariableElement element, TypeName target) {
    }

    /**
     * The relationship fields of a class model with their target: the type argument of the field's
     * {@code Ref<T>} or {@code List<T>}. A field without one is left to the runtime, which reports it.
     */
    private List<RelationField> relationFields(TypeElement type) {
        List<RelationField> out = new ArrayList<>();
        for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (f.getModifiers().contains(Modifier.STATIC) || !isRelationship(f) || f.asType().getKind() != TypeKind.DECLARED) {
                continue;
            }
            List<? extends TypeMirror> args = ((DeclaredType) f.asType()).getTypeArguments();
            if (args.size() == 1 && args.get(0).getKind() == TypeKind.DECLARED) {
                out.add(new RelationField(f, TypeName.get(processingEnv.getTypeUtils().erasure(args.get(0)))));
            }
        }
        return out;
    }

    /** The fields that map to columns: record components, or instance fields not marked transient. */
    private static List<VariableElement> mappedFields(TypeElement type) {
        List<VariableElement> fields = new ArrayList<>();
        Map<String, VariableElement> byName = new HashMap<>();
        for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            byName.put(f.getSimpleName().toString(), f);
        }
        if (type.getKind() == ElementKind.RECORD) {
            for (RecordComponentElement rc : type.getRecordComponents()) {
                // annotations targeting FIELD are propagated by javac to the component's private field
                VariableElement f = byName.get(rc.getSimpleName().toString());
                if (f != null && f.getAnnotation(Transient.class) == null) {
                    fields.add(f);
                }
            }
            return fields;
        }
        for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            Set<Modifier> mods = f.getModifiers();
            if (!mods.contains(Modifier.STATIC) && !mods.contains(Modifier.TRANSIENT) && f.getAnnotation(Transient.class) == null
                    && !isRelationship(f)) {
                fields.add(f);
            }
        }
        return fields;
    }

    /** Whether the field holds a relationship (an annotation meta-annotated {@code @Relationship}): no column. */
    private static boolean isRelationship(VariableElement f) {
        for (javax.lang.model.element.AnnotationMirror a : f.getAnnotationMirrors()) {
            if (a.getAnnotationType().asElement().getAnnotation(dev.ashlar.declarative.Relationship.class) != null) {
                return true;
            }
        }
        return false;
    }

    private FieldFacts facts(VariableElement field) {
        TypeMirror t = field.asType();
        String raw;
        boolean isEnum = false;
        if (t.getKind() == TypeKind.DECLARED) {
            TypeElement e = (TypeElement) processingEnv.getTypeUtils().asElement(t);
            raw = e.getQualifiedName().toString();
            isEnum = e.getKind() == ElementKind.ENUM;
        } else if (t.getKind() == TypeKind.ERROR) {
            return null;
        } else {
            raw = processingEnv.getTypeUtils().erasure(t).toString();
        }
        Length length = field.getAnnotation(Length.class);
        Numeric numeric = field.getAnnotation(Numeric.class);
        Precision precision = field.getAnnotation(Precision.class);
        return new FieldFacts(t.toString(), raw, isEnum, length == null ? null : length.value(),
                field.getAnnotation(Text.class) != null, numeric == null ? null : numeric.precision(),
                numeric == null ? null : numeric.scale(), field.getAnnotation(DefaultNow.class) != null,
                precision == null ? null : precision.value());
    }

    private static TypeName columnType(Kind kind, TypeMirror fieldType) {
        if (kind == Kind.ENUM) {
            return TypeName.get(fieldType);
        }
        if (kind == Kind.BYTES) {
            return ArrayTypeName.of(TypeName.BYTE);
        }
        return ClassName.bestGuess(kind.columnJavaType());
    }

    private void write(TypeElement type, List<MappedField> fields, List<RelationField> relations) {
        String pkg = packageOf(type).getQualifiedName().toString();
        ClassName model = ClassName.get(type);
        String name = MappingRules.metamodelName(model.simpleNames());
        TypeSpec.Builder spec = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(type)
                .addAnnotation(AnnotationSpec.builder(Generated.class).addMember("value", "$S", getClass().getName()).build())
                .addJavadoc("Typed columns of {@link $T}, generated from its annotations.\n", model)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addField(FieldSpec.builder(ParameterizedTypeName.get(MODEL_MAPPING, model), "MODEL",
                                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The mapped model.\n")
                        .initializer("$T.of($T.class)", MODELS, model).build())
                .addField(FieldSpec.builder(TABLE, "TABLE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The model's table. Its {@code metadata()} holds only the models used so far;\n"
                                + "{@code Models.discover()} gives the whole schema.\n")
                        .initializer("MODEL.table()").build());
        for (MappedField f : fields) {
            TypeName columnType = f.columnType();
            spec.addField(FieldSpec.builder(ParameterizedTypeName.get(COLUMN, columnType), f.element().getSimpleName().toString(),
                            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Column {@code $L}.\n", f.column())
                    .initializer("TABLE.column($S, $T.class)", f.column(), columnType).build());
        }
        for (RelationField r : relations) {
            String field = r.element().getSimpleName().toString();
            spec.addField(FieldSpec.builder(ParameterizedTypeName.get(RELATION, model, r.target()), field,
                            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Relationship {@code $L}, leading to {@link $T}.\n", field, r.target())
                    .initializer("$T.of($T.class, $S, $T.class)", RELATION, model, field, r.target()).build());
        }
        if (factoryReaches(type, fields)) {
            spec.addType(factory(type, model, fields));
        }
        try {
            JavaFile.builder(pkg, spec.build()).build().writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            error("cannot write " + pkg + "." + name + ": " + e.getMessage(), type);
        }
    }

    /**
     * {@code Item_.Factory}: makes the model from values in field order with {@code new} and field stores
     * (or the record's constructor), code the JIT compiles as it compiles hand-written code. Package-private,
     * found by the model reader through the model's own lookup.
     */
    private TypeSpec factory(TypeElement type, ClassName model, List<MappedField> fields) {
        MethodSpec.Builder make = MethodSpec.methodBuilder("fromValues")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(model)
                .addParameter(ArrayTypeName.of(Object.class), "values");
        if (type.getKind() == ElementKind.RECORD) {
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                position.put(fields.get(i).element().getSimpleName().toString(), i);
            }
            List<CodeBlock> args = new ArrayList<>();
            for (RecordComponentElement rc : type.getRecordComponents()) {
                Integer i = position.get(rc.getSimpleName().toString());
                TypeMirror t = rc.asType();
                args.add(i != null ? CodeBlock.of("($T) values[$L]", castType(t), i)
                        : t.getKind() == TypeKind.BOOLEAN ? CodeBlock.of("false")
                        : t.getKind().isPrimitive() ? CodeBlock.of("($T) 0", TypeName.get(t))
                        : CodeBlock.of("null")); // a @Transient component gets its type's default
            }
            make.addStatement("return new $T($L)", model, CodeBlock.join(args, ", "));
        } else {
            make.addStatement("$T model = new $T()", model, model);
            for (int i = 0; i < fields.size(); i++) {
                VariableElement f = fields.get(i).element();
                make.addStatement("model.$N = ($T) values[$L]", f.getSimpleName().toString(), castType(f.asType()), i);
            }
            make.addStatement("return model");
        }
        String names = String.join(", ", fields.stream().map(f -> "\"" + f.element().getSimpleName() + "\"").toList());
        List<CodeBlock> types = new ArrayList<>();
        for (MappedField f : fields) {
            types.add(CodeBlock.of("$T.class", erased(f.element().asType())));
        }
        return TypeSpec.classBuilder(ModelFactory.GENERATED_NAME)
                .addModifiers(Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(ClassName.get(ModelFactory.class), model))
                // a field of a generic type is stored from a cast to its raw type
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "{$S, $S}", "unchecked", "rawtypes").build())
                .addJavadoc("Makes {@link $T} objects from values in field order, for {@code ModelMapping.fromValues}.\n", model)
                .addMethod(MethodSpec.constructorBuilder().build())
                .addMethod(MethodSpec.methodBuilder("fieldNames")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(List.class, String.class))
                        .addStatement("return $T.of($L)", List.class, names)
                        .build())
                .addMethod(MethodSpec.methodBuilder("fieldTypes")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(List.class),
                                ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class))))
                        .addStatement("return $T.of($L)", List.class, CodeBlock.join(types, ", "))
                        .build())
                .addMethod(make.build())
                .build();
    }

    /** The type a value is cast to before it is stored: the erasure, boxed for a primitive (which the store unboxes). */
    private TypeName castType(TypeMirror t) {
        return erased(t).box();
    }

    /** The type without type arguments ({@code List} for {@code List<String>}); a primitive stays itself. */
    private TypeName erased(TypeMirror t) {
        return TypeName.get(processingEnv.getTypeUtils().erasure(t));
    }

    /**
     * Whether code in the model's package can make the model and set its mapped fields: a concrete,
     * non-generic class with a non-private no-argument constructor and no private or final mapped field,
     * or a record; and every type involved reachable. Otherwise no factory is generated, and the model
     * reader's method handles (which reach private members) make the objects.
     */
    private boolean factoryReaches(TypeElement type, List<MappedField> fields) {
        if (!type.getTypeParameters().isEmpty() || !reachable(type.asType())) {
            return false;
        }
        if (type.getKind() == ElementKind.RECORD) {
            // the canonical constructor takes every component, mapped or not
            return type.getRecordComponents().stream().allMatch(rc -> reachable(rc.asType()));
        }
        Set<Modifier> typeMods = type.getModifiers();
        if (typeMods.contains(Modifier.ABSTRACT) || (type.getNestingKind().isNested() && !typeMods.contains(Modifier.STATIC))) {
            return false;
        }
        for (MappedField f : fields) {
            Set<Modifier> mods = f.element().getModifiers();
            if (mods.contains(Modifier.PRIVATE) || mods.contains(Modifier.FINAL) || !reachable(f.element().asType())) {
                return false;
            }
        }
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    }

    /** Whether a type, and each class that encloses it, is not private (so code in the model's package can name it). */
    private boolean reachable(TypeMirror t) {
        if (t.getKind() == TypeKind.ARRAY) {
            return reachable(((ArrayType) t).getComponentType());
        }
        if (t.getKind() != TypeKind.DECLARED) {
            return t.getKind().isPrimitive();
        }
        for (Element e = ((DeclaredType) t).asElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
        }
        return true;
    }

    private static PackageElement packageOf(Element element) {
        Element e = element;
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return (PackageElement) e;
    }

    private void error(String message, Element element) {
        Messager messager = processingEnv.getMessager();
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
}
