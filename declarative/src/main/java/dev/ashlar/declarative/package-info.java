/**
 * Declarative models (API): a class or record annotated {@link dev.ashlar.declarative.Model}, with
 * field annotations such as {@link dev.ashlar.declarative.Id},
 * {@link dev.ashlar.declarative.ManyToOne} and {@link dev.ashlar.declarative.Version}, maps to a
 * table. A {@link dev.ashlar.declarative.ModelRegistry} (or the shared
 * {@link dev.ashlar.declarative.Models}) reads each class once into a
 * {@link dev.ashlar.declarative.ModelMapping}, the one public description of its fields, columns,
 * keys and relationships that the ORM and the annotation processor use.
 * {@link dev.ashlar.declarative.MappingRules} states the field-to-column rules on type names, so
 * that reflection and the processor share them.
 */
package dev.ashlar.declarative;
