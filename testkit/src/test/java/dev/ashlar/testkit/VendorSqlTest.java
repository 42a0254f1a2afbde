package dev.ashlar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link VendorSql} is found per dialect name, and what a dialect's implementation lacks fails, naming the method. */
class VendorSqlTest {
    /** Methods a built-in implementation leaves to the interface, with the reason. */
    private static final Map<String, Set<String>> LEFT_TO_THE_DEFAULT = Map.of(
            "sqlite", Set.of("currentSchema"),   // its constraints() reads sqlite_master, not information_schema
            "postgresql", Set.of("constraints"), // information_schema, in currentSchema()
            "mariadb", Set.of("constraints"));

    @Test
    void eachBuiltInDialectHasItsOwn() {
        assertThat(VendorSql.of("sqlite")).isInstanceOf(SqliteVendorSql.class);
        assertThat(VendorSql.of("postgresql")).isInstanceOf(PostgresVendorSql.class);
        assertThat(VendorSql.of("mariadb")).isInstanceOf(MariaDbVendorSql.class);
        for (DatabaseKind kind : DatabaseKind.values()) {
            assertThat(VendorSql.of(kind.id()).dialect()).isEqualTo(kind.id());
        }
    }

    @Test
    void eachBuiltInImplementsEveryMethod() {
        for (DatabaseKind kind : DatabaseKind.values()) {
            Class<?> type = VendorSql.of(kind.id()).getClass();
            for (Method method : setUpMethods()) {
                if (LEFT_TO_THE_DEFAULT.get(kind.id()).contains(method.getName())) {
                    continue;
                }
                assertThat(declares(type, method)).as("%s implements %s", type.getSimpleName(), method.getName()).isTrue();
            }
        }
    }

    @Test
    void everyMethodOfADialectWithoutVendorSqlFailsNamingItself() throws Exception {
        VendorSql none = VendorSql.of("nosuchdialect");
        assertThat(none.dialect()).isEqualTo("nosuchdialect");
        List<Method> methods = setUpMethods();
        assertThat(methods).hasSizeGreaterThan(15);
        for (Method method : methods) {
            Object[] arguments = Arrays.stream(method.getParameterTypes()).map(t -> t == int.class ? (Object) 0 : null).toArray();
            assertThatThrownBy(() -> invoke(method, none, arguments)).as(method.getName())
                    .isInstanceOf(TestSetupException.class)
                    // constraints() has a default, from information_schema, which needs currentSchema()
                    .hasMessageContaining("VendorSql." + (method.getName().equals("constraints") ? "currentSchema" : method.getName()) + "(")
                    .hasMessageContaining("nosuchdialect")
                    .hasMessageContaining("META-INF/services/dev.ashlar.testkit.VendorSql");
        }
    }

    @Test
    void aTestDatabaseFindsItsDialectsVendorSql() {
        assertThat(TestDatabases.sqlite().vendor()).isInstanceOf(SqliteVendorSql.class);
    }

    /** The interface's set-up methods: every default method but the failure it builds. */
    private static List<Method> setUpMethods() {
        return Arrays.stream(VendorSql.class.getDeclaredMethods())
                .filter(m -> m.isDefault() && !Modifier.isStatic(m.getModifiers()) && !m.getName().equals("missing"))
                .toList();
    }

    private static boolean declares(Class<?> type, Method method) {
        try {
            type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static void invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
