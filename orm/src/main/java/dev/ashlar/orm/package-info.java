/**
 * The ORM (API): a {@link dev.ashlar.orm.Session} is a unit of work over declarative models. It
 * loads objects through an identity map, queries them with {@link dev.ashlar.orm.ModelQuery}, holds
 * relationships in {@link dev.ashlar.orm.Ref}s and lists, and writes changes on flush, after the
 * {@link dev.ashlar.orm.Lifecycle} hooks and the {@link dev.ashlar.orm.Validating} checks.
 * {@link dev.ashlar.orm.SessionOptions} sets its behaviour; its failures are exceptions such as
 * {@link dev.ashlar.orm.StaleObjectException} and {@link dev.ashlar.orm.ValidationException}. The
 * package-private classes carry out flushes and loading and are not API.
 */
package dev.ashlar.orm;
