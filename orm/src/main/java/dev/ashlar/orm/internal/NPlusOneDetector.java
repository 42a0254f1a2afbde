package dev.ashlar.orm.internal;

import dev.ashlar.declarative.RelationshipMapping;
import dev.ashlar.orm.Load;
import dev.ashlar.orm.NPlusOneException;
import dev.ashlar.orm.SessionOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spots the N+1 pattern: one relationship lazily loaded object by object for the objects of one
 * result. Each result the session reads gets an id and a description of where it came from; each
 * lazy load counts against the result that loaded its owner, and at the threshold the detector
 * warns (or, in strict mode, throws) naming the loading option that would have avoided it.
 */
public final class NPlusOneDetector {
    private static final Logger LOG = LoggerFactory.getLogger(dev.ashlar.orm.Session.class);

    private final SessionOptions options;
    /**
     * Where each result came from, the result with id {@code n} at index {@code n - 1}. Made at the
     * first result, and the counts at the first lazy load: a session per lookup reads one result
     * and loads nothing lazily, and should not pay for two hash maps.
     */
    private List<String> resultOrigins;
    private Map<String, Integer> lazyLoads;

    /** A detector with the threshold and strictness of {@code options}. */
    public NPlusOneDetector(SessionOptions options) {
        this.options = options;
    }

    /** The id of a new result, described by {@code origin} ({@code session.select(Item.class)}) in messages. */
    public int newResult(String origin) {
        if (resultOrigins == null) {
            resultOrigins = new ArrayList<>(4);
        }
        resultOrigins.add(origin);
        return resultOrigins.size();
    }

    private String origin(int resultId) {
        boolean known = resultOrigins != null && resultId >= 1 && resultId <= resultOrigins.size();
        return known ? resultOrigins.get(resultId - 1) : "a query";
    }

    /**
     * Counts one lazy load of {@code rel} for {@code owner}.
     *
     * @throws NPlusOneException in strict mode, when the count reaches the threshold
     */
    public void lazyLoad(ObjectState owner, RelationshipMapping rel) {
        if (lazyLoads == null) {
            lazyLoads = new HashMap<>();
        }
        int count = lazyLoads.merge(owner.resultId + " " + rel.path(), 1, Integer::sum);
        if (count != options.nPlusOneThreshold()) {
            return;
        }
        String message = "N+1 queries: " + rel.path() + " was lazily loaded one " + owner.meta.name() + " at a time, " + count
                + " times for objects of one result (" + origin(owner.resultId)
                + "). Load it for the whole result with " + loadOption(rel)
                + ", or declare it with fetch = Fetch.SELECT_IN";
        if (options.strictMode()) {
            throw new NPlusOneException(rel.path(), message);
        }
        LOG.warn(message);
    }

    /**
     * The loading option that would have loaded {@code rel} with its query, in the typed form first
     * (compile-checked, from the generated metamodel) and the string form for models without one.
     */
    public static String loadOption(RelationshipMapping rel) {
        Load load = Load.selectIn(rel.owner(), rel.name());
        return ".options(" + load.typedCode() + ") (or .options(" + load.code() + ") without the generated metamodel)";
    }
}
