package dev.ashlar.testkit;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** {@link AllDatabasesProvider}'s databases without SQLite: the ones reached over a network. */
public final class ServerDatabasesProvider implements ArgumentsProvider {
    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        return new AllDatabasesProvider().provideArguments(parameters, context)
                .filter(arguments -> ((TestDatabase) arguments.get()[0]).kind() != DatabaseKind.SQLITE);
    }
}
