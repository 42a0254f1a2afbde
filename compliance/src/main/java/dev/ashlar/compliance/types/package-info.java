/** Compliance tests of column types that need more than the shared round trip. Not API. */
package dev.ashlar.compliance.types;
