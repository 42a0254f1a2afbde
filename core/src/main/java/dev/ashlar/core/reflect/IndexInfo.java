package dev.ashlar.core.reflect;

import java.util.List;

/** An index as the live database describes it (primary-key indexes excluded). */
public record IndexInfo(String name, List<String> columns, boolean unique) {
}
