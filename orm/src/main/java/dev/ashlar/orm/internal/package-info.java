/**
 * The session's machinery: the {@link dev.ashlar.orm.internal.IdentityMap} and
 * {@link dev.ashlar.orm.internal.UnitOfWork}, what each object's
 * {@link dev.ashlar.orm.internal.ObjectState} tracks, and the writers a flush uses
 * ({@link dev.ashlar.orm.internal.RowInserter}, {@link dev.ashlar.orm.internal.UpdateWriter},
 * {@link dev.ashlar.orm.internal.DeleteWriter}) in {@link dev.ashlar.orm.internal.TableOrder}. Its
 * classes are public only for the {@code orm} package. Not API: internal to orm, and other modules
 * may not use it.
 */
package dev.ashlar.orm.internal;
