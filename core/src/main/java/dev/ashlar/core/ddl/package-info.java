/**
 * Schema-wide DDL (API): {@link dev.ashlar.core.ddl.SchemaDdl} creates and drops the tables of a
 * {@link dev.ashlar.core.schema.MetaData} in foreign-key order, cycles included. The DDL for single
 * tables, constraints and indexes is each dialect's {@link dev.ashlar.core.dialect.DdlCompiler}.
 */
package dev.ashlar.core.ddl;
