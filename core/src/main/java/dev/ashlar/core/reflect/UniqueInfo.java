package dev.ashlar.core.reflect;

import java.util.List;

/** A unique constraint as the live database describes it (as opposed to a unique index). */
public record UniqueInfo(String name, List<String> columns) {
    public UniqueInfo {
        columns = List.copyOf(columns);
    }
}
