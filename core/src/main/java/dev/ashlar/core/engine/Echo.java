package dev.ashlar.core.engine;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statement log of an engine with echo on. Reads like SQLAlchemy's: the SQL, then a line with
 * the time, the row count and the parameters. Callers check {@link #on()} first, so echo off costs
 * nothing but that check.
 */
final class Echo {
    private static final Logger LOG = LoggerFactory.getLogger("ashlar.engine");

    private final boolean on;

    Echo(boolean on) {
        this.on = on;
    }

    boolean on() {
        return on;
    }

    void statement(String sql, List<Object> parameters, long startNanos, long rows, String rowWord) {
        double millis = (System.nanoTime() - startNanos) / 1_000_000.0;
        LOG.info(sql);
        LOG.info(String.format("[%.3f ms, %d %s] %s", millis, rows, rowWord, render(parameters)));
    }

    /** A statement without a meaningful row count, such as DDL: drivers report the last DML's count there. */
    void statement(String sql, List<Object> parameters, long startNanos) {
        double millis = (System.nanoTime() - startNanos) / 1_000_000.0;
        LOG.info(sql);
        LOG.info(String.format("[%.3f ms] %s", millis, render(parameters)));
    }

    void control(String command) {
        LOG.info(command);
    }

    private static String render(List<Object> parameters) {
        if (parameters.isEmpty()) {
            return "()";
        }
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            Object p = parameters.get(i);
            if (p instanceof String s) {
                b.append('\'').append(s.length() > 200 ? s.substring(0, 200) + "..." : s).append('\'');
            } else if (p instanceof byte[] bytes) {
                b.append("<").append(bytes.length).append(" bytes>");
            } else {
                b.append(p);
            }
        }
        return b.append(')').toString();
    }
}
