/** Compliance tests of EXPLAIN: the plan each dialect reads back from its database. Not API. */
package dev.ashlar.compliance.explain;
