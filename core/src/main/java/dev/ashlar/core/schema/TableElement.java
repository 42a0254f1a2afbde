package dev.ashlar.core.schema;

/** Something that belongs to a table definition: a column, a constraint or an index. */
public sealed interface TableElement permits Column, ForeignKey, UniqueConstraint, CheckConstraint, Index, Comment {
}
