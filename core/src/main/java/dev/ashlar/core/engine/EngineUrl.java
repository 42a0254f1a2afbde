package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.DialectProvider;
import dev.ashlar.core.dialect.Dialects;
import dev.ashlar.core.error.ConfigurationException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed database URL, in SQLAlchemy's form or as a plain JDBC URL:
 * <ul>
 *   <li>{@code sqlite:///relative/path.db}, {@code sqlite:////absolute/path.db}, {@code sqlite://} (in memory);
 *   <li>{@code postgresql://user:pass@host:port/db}, {@code mariadb://...}, {@code mysql://...};
 *   <li>{@code ?key=value&...} options, passed to the JDBC driver as connection properties;
 *   <li>{@code jdbc:postgresql://...} and other JDBC URLs, used as they are.
 * </ul>
 *
 * @param scheme     the dialect scheme, such as {@code sqlite} or {@code postgresql}
 * @param user       user name, or {@code null}
 * @param password   password, or {@code null}
 * @param host       host, or {@code null}
 * @param port       port, or {@code null} for the database's default
 * @param database   database name; for SQLite the file path, {@code null} meaning in memory
 * @param options    query-string options for the driver
 * @param jdbcUrl    the JDBC URL when one was given directly, else {@code null}
 */
public record EngineUrl(String scheme, String user, String password, String host, Integer port, String database,
                        Map<String, String> options, String jdbcUrl) {
    private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9]*)(?:\\+[a-zA-Z0-9_]+)?://(.*)", Pattern.DOTALL);
    private static final Pattern AUTHORITY = Pattern.compile("(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?]*)(?::([^/?]*))?(?:/([^?]*))?");

    public EngineUrl {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Parses a URL, or throws a {@link ConfigurationException} that shows the expected form. */
    public static EngineUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("the database URL is empty; use for example " + Dialects.exampleUrls());
        }
        String text = url.strip();
        if (text.startsWith("jdbc:")) {
            return parseJdbc(text);
        }
        Matcher m = SCHEME.matcher(text);
        if (!m.matches()) {
            throw new ConfigurationException("'" + text + "' is not a database URL; expected scheme://..., for example "
                    + Dialects.exampleUrls());
        }
        String scheme = m.group(1).toLowerCase(java.util.Locale.ROOT);
        String rest = m.group(2);
        Map<String, String> options = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            options = parseQuery(rest.substring(q + 1), text);
            rest = rest.substring(0, q);
        }
        if (namesFile(scheme)) {
            return new EngineUrl(scheme, null, null, null, null, filePath(scheme, rest, text), options, null);
        }
        Matcher a = AUTHORITY.matcher(rest);
        if (!a.matches() || a.group(3).isEmpty()) {
            throw new ConfigurationException("'" + text + "' has no host; expected " + scheme + "://user:password@host:port/database");
        }
        Integer port = null;
        if (a.group(4) != null && !a.group(4).isEmpty()) {
            try {
                port = Integer.valueOf(a.group(4));
            } catch (NumberFormatException e) {
                throw new ConfigurationException("'" + a.group(4) + "' in '" + text + "' is not a port number");
            }
            if (port < 1 || port > 65535) {
                throw new ConfigurationException("port " + port + " in '" + text + "' is out of range 1-65535");
            }
        }
        String database = a.group(5) == null || a.group(5).isEmpty() ? null : decode(a.group(5));
        return new EngineUrl(scheme, decode(a.group(1)), decode(a.group(2)), a.group(3), port, database, options, null);
    }

    /** Whether URLs of {@code scheme} name a file (its dialect says so), not a server. */
    private static boolean namesFile(String scheme) {
        return Dialects.provider(scheme).map(DialectProvider::urlsNameFiles).orElse(false);
    }

    /** {@code ""} is in memory; {@code /x.db} is relative {@code x.db}; {@code //x.db} is absolute {@code /x.db}. */
    private static String filePath(String scheme, String rest, String text) {
        if (rest.isEmpty() || rest.equals("/") || rest.equals("/:memory:")) {
            return null;
        }
        if (!rest.startsWith("/")) {
            throw new ConfigurationException("'" + text + "' is not a " + scheme + " URL; use " + scheme + ":///relative/path.db, "
                    + scheme + ":////absolute/path.db or " + scheme + ":// for an in-memory database");
        }
        return decode(rest.substring(1));
    }

    private static EngineUrl parseJdbc(String text) {
        int colon = text.indexOf(':', 5);
        if (colon < 0) {
            throw new ConfigurationException("'" + text + "' is not a JDBC URL; expected jdbc:<driver>:...");
        }
        String scheme = text.substring(5, colon).toLowerCase(java.util.Locale.ROOT);
        String database = namesFile(scheme) ? text.substring(colon + 1) : null;
        return new EngineUrl(scheme, null, null, null, null, database, Map.of(), text);
    }

    private static Map<String, String> parseQuery(String query, String text) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException("option '" + pair + "' in '" + text + "' needs the form key=value");
            }
            options.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return options;
    }

    private static String decode(String s) {
        return s == null ? null : URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** {@code host:port}, with the given default port when none was set. */
    public String hostAndPort(int defaultPort) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + (port == null ? defaultPort : port);
    }

    /** The URL with the password masked, for logs and messages. */
    @Override
    public String toString() {
        if (jdbcUrl != null) {
            return jdbcUrl;
        }
        if (namesFile(scheme)) {
            return database == null ? scheme + "://" : scheme + ":///" + database;
        }
        return scheme + "://" + (user == null ? "" : user + (password == null ? "" : ":***") + "@") + host
                + (port == null ? "" : ":" + port) + "/" + (database == null ? "" : database);
    }
}
