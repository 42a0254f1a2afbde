package dev.ashlar.testkit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The {@link VendorSql} implementations found so far, by dialect name, so that the service loader runs once per dialect. */
final class VendorSqlRegistry {
    static final ConcurrentMap<String, VendorSql> BY_DIALECT = new ConcurrentHashMap<>();

    private VendorSqlRegistry() {
    }
}
