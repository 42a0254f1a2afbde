/**
 * Model classes written from a live database ({@code ashlar codegen}): {@link
 * dev.ashlar.cli.codegen.ModelGenerator} plans a model per table, with names Java accepts and
 * relationships from the foreign keys, and {@link dev.ashlar.cli.codegen.GeneratedModels} writes
 * the sources. A table that models cannot declare exactly stops the run with a {@link
 * dev.ashlar.cli.codegen.CodegenException}; a table without a primary key is left out, and the
 * generated {@code package-info.java} says why.
 */
package dev.ashlar.cli.codegen;
