package dev.ashlar.testkit;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * {@link AllDatabasesProvider}'s databases without SQLite: the ones reached over a network. A
 * third-party database is supplied as unavailable, so that its run reports these tests as skipped
 * (they kill sessions and create user accounts with each server's own SQL), and fails them with
 * {@code CI=true}: such a run excludes them (see DEVELOPERS.md, "Running the compliance suite for a
 * new dialect").
 */
public final class ServerDatabasesProvider implements ArgumentsProvider {
    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        List<TestDatabase> servers = new AllDatabasesProvider().provideArguments(parameters, context)
                .map(arguments -> (TestDatabase) arguments.get()[0])
                .filter(db -> !db.builtIn() || db.kind() != DatabaseKind.SQLITE)
                .map(db -> db.builtIn() ? db : TestDatabase.unavailable(db.name(), db.name()
                        + " is not one of Ashlar's server databases: server drills use each server's own SQL"))
                .toList();
        if (servers.isEmpty()) {
            servers = List.of(TestDatabase.unavailable("server", "this run selects no server database ("
                    + TestDatabases.SELECT + " or " + TestDatabases.URL + "), so server drills are skipped"));
        }
        return servers.stream().map(Arguments::of);
    }
}
