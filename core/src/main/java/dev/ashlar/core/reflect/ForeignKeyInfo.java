package dev.ashlar.core.reflect;

import java.util.List;

/** A foreign key as the live database describes it; {@code name} may be null on SQLite. */
public record ForeignKeyInfo(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                             String onDelete, String onUpdate) {
}
