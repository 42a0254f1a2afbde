package dev.ashlar.declarative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code int}/{@code long} (or boxed) field as the optimistic lock version. The session
 * writes 1 on insert, and each update sets it one higher only where the row still has the version
 * the session read; when it does not, the update fails with a stale object error and writes nothing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {
}
