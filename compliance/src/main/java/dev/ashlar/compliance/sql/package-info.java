/** Compliance tests of queries: what compiled SELECT, INSERT and expression trees return on the database. Not API. */
package dev.ashlar.compliance.sql;
