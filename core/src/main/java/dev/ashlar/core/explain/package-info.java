/**
 * EXPLAIN with a verdict (API): ask the database how it will run a query and answer in plain words
 * whether it reads a whole table or uses an index.
 *
 * <p>A {@link dev.ashlar.core.explain.PlanReader} for a given database runs EXPLAIN and turns its
 * output into a {@link dev.ashlar.core.explain.QueryPlan}, a tree of
 * {@link dev.ashlar.core.explain.PlanNode}s with the same vocabulary on every database. Each
 * database's reader lives in that database's dialect package.
 */
package dev.ashlar.core.explain;
