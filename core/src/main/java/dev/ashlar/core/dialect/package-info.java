/**
 * The dialect SPI, for authors of a dialect; applications rarely need more of it than a
 * {@link dev.ashlar.core.dialect.Dialect} to pass around. A database plugs in through a
 * {@link dev.ashlar.core.dialect.DialectProvider} found by {@link java.util.ServiceLoader}, whose
 * {@link dev.ashlar.core.dialect.Dialect} supplies the spellings of SQL, DDL and types
 * ({@link dev.ashlar.core.dialect.SqlCompiler}, {@link dev.ashlar.core.dialect.DdlCompiler},
 * {@link dev.ashlar.core.dialect.TypeCompiler}), the value codecs
 * ({@link dev.ashlar.core.dialect.TypeCodecs}, {@link dev.ashlar.core.dialect.ValueCodec}), the
 * error mapping ({@link dev.ashlar.core.dialect.ErrorTranslation}) and optional abilities such as
 * {@link dev.ashlar.core.dialect.BulkInsert}, {@link dev.ashlar.core.dialect.SessionLock} and
 * {@link dev.ashlar.core.dialect.TableRebuild}. The built-in dialects live in the subpackages.
 */
package dev.ashlar.core.dialect;
