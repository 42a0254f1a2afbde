package dev.ashlar.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Supplies each database, emptied just before the invocation that receives it. A database that is
 * not reachable here (MariaDB without a server, outside CI) is still supplied, by name, and
 * {@link SkipUnavailable} reports that invocation as skipped, so reports show what did not run.
 */
public final class AllDatabasesProvider implements ArgumentsProvider {
    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        List<TestDatabase> databases = new ArrayList<>(TestDatabases.all());
        for (DatabaseKind kind : TestDatabases.selected()) {
            if (databases.stream().noneMatch(db -> db.builtIn() && db.kind() == kind)) {
                databases.add(kind.ordinal() <= databases.size() ? kind.ordinal() : databases.size(), TestDatabase.unavailable(kind));
            }
        }
        return databases.stream().map(db -> Arguments.of(db.available() ? db.reset() : db));
    }
}
