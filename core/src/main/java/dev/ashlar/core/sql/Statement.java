package dev.ashlar.core.sql;

/** A complete statement that a connection can execute. */
public interface Statement extends SqlNode {
}
