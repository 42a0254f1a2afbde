/**
 * The reference example, which the README quotes: the {@link dev.ashlar.examples.Item} and
 * {@link dev.ashlar.examples.Review} models, {@link dev.ashlar.examples.QuickStart} end to end and
 * {@link dev.ashlar.examples.QueryTour} through the query language. Not API: code to read and copy.
 */
package dev.ashlar.examples;
