/** Reliability drills that run as part of the compliance suite, printing one {@code DRILL} line each. Not API. */
package dev.ashlar.compliance.drills;
