/**
 * Ashlar's exceptions (API). Every failure of Ashlar's API is an unchecked
 * {@link dev.ashlar.core.error.AshlarException}, whose message says what was wrong and what to do:
 * <ul>
 *   <li>{@link dev.ashlar.core.error.UsageException}: the API was called wrongly (an argument out of
 *       range or naming nothing, a call the object's state forbids);</li>
 *   <li>{@link dev.ashlar.core.error.DefinitionException}: a schema definition contradicts itself
 *       (declarative's {@code MappingException}, for a model class, is one);</li>
 *   <li>{@link dev.ashlar.core.error.ConfigurationException}: a setup mistake (a bad URL, a missing
 *       driver);</li>
 *   <li>{@link dev.ashlar.core.error.UnsupportedFeatureException}: a feature this database lacks,
 *       naming the feature, the database and the alternative, raised before anything is sent;</li>
 *   <li>{@link dev.ashlar.core.error.DatabaseException}: the database refused a statement, carrying
 *       the SQL and SQLSTATE, classified the same way on every database:
 *       {@link dev.ashlar.core.error.IntegrityException},
 *       {@link dev.ashlar.core.error.DataException},
 *       {@link dev.ashlar.core.error.ProgrammingException} and
 *       {@link dev.ashlar.core.error.OperationalException}, each with subclasses for the cases a
 *       caller handles, such as {@link dev.ashlar.core.error.UniqueViolationException} or
 *       {@link dev.ashlar.core.error.DeadlockException};</li>
 *   <li>a few more for single cases: {@link dev.ashlar.core.error.ConnectionClosedException},
 *       {@link dev.ashlar.core.error.IdentifierTooLongException},
 *       {@link dev.ashlar.core.error.NoResultException}.</li>
 * </ul>
 *
 * <p>Two kinds of JDK exception remain, by the JDK's own conventions:
 * <ul>
 *   <li>a {@code null} passed where a value is required is a {@link java.lang.NullPointerException}
 *       (from {@link java.util.Objects#requireNonNull}, naming the parameter), as everywhere in the
 *       JDK: it is a bug in the calling code, found at the call, and null-checking tools understand
 *       it;</li>
 *   <li>where Ashlar implements a JDK interface, that interface's contract holds:
 *       {@code Iterator.next} past the end of a {@code Result} throws
 *       {@link java.util.NoSuchElementException}; the lists and maps Ashlar hands out are read-only
 *       unless their documentation says otherwise, and changing one throws
 *       {@link java.lang.UnsupportedOperationException}; the {@link javax.sql.DataSource}s behind an
 *       engine throw {@link java.sql.SQLException} from {@code unwrap} and
 *       {@code getParentLogger}.</li>
 * </ul>
 * Nothing else: the JDK's {@code IllegalArgumentException}, {@code IllegalStateException} and
 * {@code UnsupportedOperationException} are never constructed by Ashlar's own code (an ArchUnit
 * rule, {@code ExceptionTypesTest}, checks every published module).
 */
package dev.ashlar.core.error;
