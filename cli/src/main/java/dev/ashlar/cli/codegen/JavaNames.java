package dev.ashlar.cli.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Java names for database names: {@code invoice_line} and {@code InvoiceLine} both give the class
 * {@code InvoiceLine} and the field {@code invoiceLine}. Names that Java reserves get a trailing
 * underscore ({@code class_}); names that would shadow a {@code java.lang} type in the generated
 * package ({@code String}, {@code Object}) get a {@code Model} suffix, since both the models and the
 * metamodels the processor writes beside them use those types by their simple names.
 */
final class JavaNames {
    /** Keywords, literals and the contextual words that cannot name a field everywhere. */
    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char",
            "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package",
            "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized",
            "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var",
            "yield", "record", "sealed", "permits");

    private JavaNames() {
    }

    /** The words of a database name: split at anything but letters and digits, and where case turns from lower to upper. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) || !Character.isJavaIdentifierPart(c)) {
                flush(word, out);
                continue;
            }
            if (Character.isUpperCase(c) && word.length() > 0) {
                char prev = word.charAt(word.length() - 1);
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                // fooBar -> foo|Bar; HTTPServer -> HTTP|Server
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
                    flush(word, out);
                }
            }
            word.append(c);
        }
        flush(word, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }

    /** The class name for a table: {@code invoice_line} gives {@code InvoiceLine}. */
    static String className(String table) {
        StringBuilder b = new StringBuilder();
        for (String w : words(table)) {
            b.append(capitalize(w.toLowerCase(Locale.ROOT)));
        }
        String name = b.length() == 0 ? "Table" : b.toString();
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "Table" + name;
        }
        return shadowsJavaLang(name) ? name + "Model" : name;
    }

    /** The field name for a column: {@code SupportRepId} and {@code support_rep_id} give {@code supportRepId}. */
    static String fieldName(String column) {
        List<String> words = words(column);
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            String lower = w.toLowerCase(Locale.ROOT);
            b.append(b.length() == 0 ? lower : capitalize(lower));
        }
        String name = b.length() == 0 ? "column" : b.toString();
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "column" + name;
        }
        return safe(name);
    }

    /** {@code name} with a trailing underscore when Java reserves it: {@code class} gives {@code class_}. */
    static String safe(String name) {
        return RESERVED.contains(name) ? name + "_" : name;
    }

    /** Whether a class of this simple name in the generated package would hide a {@code java.lang} type. */
    static boolean shadowsJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, JavaNames.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String decapitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        // an all-caps start stays a word: URLLink -> urlLink
        int upper = 0;
        while (upper < s.length() && Character.isUpperCase(s.charAt(upper))) {
            upper++;
        }
        if (upper > 1 && upper < s.length()) {
            upper--;
        }
        return s.substring(0, upper).toLowerCase(Locale.ROOT) + s.substring(upper);
    }

    /** An English plural, good enough for names: {@code track} tracks, {@code address} addresses, {@code category} categories. */
    static String plural(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z") || lower.endsWith("ch") || lower.endsWith("sh")) {
            return name + "es";
        }
        if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return name.substring(0, name.length() - 1) + "ies";
        }
        return name + "s";
    }
}
