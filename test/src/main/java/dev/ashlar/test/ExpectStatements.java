package dev.ashlar.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A statement budget: the test fails when it sent more than {@link #max()} statements through the
 * injected engine, connections and sessions, and the failure lists every statement that ran, in
 * order. Transaction control (BEGIN, COMMIT, SAVEPOINT, RELEASE, ROLLBACK) does not count: the budget
 * is about queries and writes, such as the extra SELECT per object of an N+1 pattern. On a class, it
 * applies to each of its tests; a method's own annotation wins.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ExpectStatements {
    /** The most statements the test may send. */
    int max();
}
