package dev.ashlar.orm;

import dev.ashlar.core.engine.Row;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.sql.Condition;
import dev.ashlar.core.sql.DerivedTable;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.SortOrder;
import dev.ashlar.core.sql.Sql;
import dev.ashlar.core.sql.TableAlias;
import dev.ashlar.declarative.Fetch;
import dev.ashlar.declarative.FieldMapping;
import dev.ashlar.declarative.RelationshipKind;
import dev.ashlar.declarative.RelationshipMapping;
import dev.ashlar.orm.internal.ModelMeta;
import dev.ashlar.orm.internal.SelectParts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The joined loading of one query: the tree of relationships loaded with {@code Fetch.JOINED},
 * each joined as an aliased table, the one SELECT that reads the owners with all of them, and the
 * reading of its rows back into owners whose relationships are filled. Owners repeat in the rows
 * of a to-many join; the identity map turns them back into one object each.
 */
final class JoinPlan {
    /** How deep joins may nest; a chain of joined relationships that long is almost surely a cycle. */
    private static final int MAX_DEPTH = 4;

    /** One joined relationship: its aliased table (and association table), columns and the joins below it. */
    private static final class Node {
        final RelationshipMapping rel;
        final ModelMeta target;
        final TableAlias alias;
        final TableAlias through;
        final Condition throughOn;
        final Condition on;
        final Map<FieldMapping, Expression<Object>> columns = new LinkedHashMap<>();
        final List<Node> children = new ArrayList<>();

        Node(RelationshipMapping rel, ModelMeta target, TableAlias alias, TableAlias through, Condition throughOn, Condition on) {
            this.rel = rel;
            this.target = target;
            this.alias = alias;
            this.through = through;
            this.throughOn = throughOn;
            this.on = on;
        }
    }

    /** What one joined relationship of one owner collects from the rows. */
    private static final class Fill {
        final boolean skip;
        final List<Object> items = new ArrayList<>();
        final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        Fill(boolean skip) {
            this.skip = skip;
        }
    }

    private final ModelMeta root;
    private final List<Node> top = new ArrayList<>();
    private final List<Node> all = new ArrayList<>();

    private JoinPlan(ModelMeta root) {
        this.root = root;
    }

    /** The joins that {@code plan} (over the relationships' defaults) asks for when loading {@code root}. */
    static JoinPlan of(ModelMeta root, Map<String, Fetch> plan) {
        JoinPlan p = new JoinPlan(root);
        if (!root.isRecord()) {
            p.build(root, plan, b -> b.column(), p.top, new ArrayDeque<>(), null);
        }
        return p;
    }

    /** Whether nothing is joined, so the plain query suffices. */
    boolean isEmpty() {
        return all.isEmpty();
    }

    private void build(ModelMeta meta, Map<String, Fetch> plan, Function<FieldMapping, Expression<Object>> parent, List<Node> into,
                       Deque<RelationshipMapping> chain, RelationshipMapping incoming) {
        for (RelationshipMapping rel : meta.relationships()) {
            if (plan.getOrDefault(rel.path(), rel.fetch()) != Fetch.JOINED || chain.contains(rel) || chain.size() >= MAX_DEPTH
                    || (incoming != null && rel == incoming.inverse())) {
                // the inverse of the relationship joined to get here is filled from that join already
                continue;
            }
            ModelMeta target = ModelMeta.of(rel.targetMapping());
            String name = "j" + (all.size() + 1);
            TableAlias alias = new TableAlias(target.table(), name);
            TableAlias through = null;
            Condition throughOn = null;
            Condition on;
            if (rel.kind() == RelationshipKind.MANY_TO_MANY) {
                through = new TableAlias(rel.throughMapping().table(), name + "a");
                throughOn = through.col(rel.throughOwnerKey().column()).eq(parent.apply(rel.ownerKey()));
                on = alias.col(rel.targetKey().column()).eq(through.col(rel.throughTargetKey().column()));
            } else {
                on = alias.col(rel.targetKey().column()).eq(parent.apply(rel.ownerKey()));
            }
            Node node = new Node(rel, target, alias, through, throughOn, on);
            for (FieldMapping b : target.mapping().fields()) {
                node.columns.put(b, alias.col(b.column()));
            }
            into.add(node);
            all.add(node);
            chain.push(rel);
            build(target, plan, node.columns::get, node.children, chain, rel);
            chain.pop();
        }
    }

    private boolean joinsCollection() {
        for (Node n : all) {
            if (n.rel.kind().isCollection()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one SELECT of the owners with every joined relationship. With a to-many join, a limit or
     * offset would count joined rows rather than owners, so it goes into a subquery choosing the
     * owners' primary keys: {@code WHERE pk IN (SELECT pk FROM (SELECT pk ... LIMIT n) AS lim)}
     * (the derived table is there because MariaDB refuses LIMIT directly inside IN).
     */
    Select select(List<Condition> conditions, List<SortOrder> order, Long limit, Long offset) {
        List<Expression<?>> columns = new ArrayList<>();
        for (FieldMapping b : root.mapping().fields()) {
            columns.add(b.column());
        }
        for (Node n : all) {
            columns.addAll(n.columns.values());
        }
        Select select = Sql.select(columns).from(root.table());
        for (Node n : all) {
            if (n.through != null) {
                select = select.leftJoin(n.through, n.throughOn);
            }
            select = select.leftJoin(n.alias, n.on);
        }
        boolean limited = limit != null || offset != null;
        if (limited && joinsCollection()) {
            if (root.key().size() != 1) {
                throw new UsageException("cannot limit a query for " + root.name() + " that joins a to-many relationship: "
                        + root.name() + " has a composite primary key, so the owners cannot be chosen in a subquery; load the "
                        + "collection with Load.selectIn instead");
            }
            Expression<Object> pk = root.key().get(0).column();
            Select inner = SelectParts.apply(Sql.select(pk).from(root.table()), conditions, order, limit, offset);
            DerivedTable chosen = new DerivedTable(inner, "lim");
            select = select.where(root.key().get(0).column().in(Sql.select(chosen.col(pk)).from(chosen)));
        } else {
            select = SelectParts.apply(select, conditions, List.of(), limit, offset);
        }
        List<SortOrder> sort = new ArrayList<>(order);
        for (Node n : all) {
            if (n.rel.kind().isCollection()) {
                // the items of a collection come in primary key order, as with select-in loading
                sort.add(n.columns.get(n.target.key().get(0)).asc());
            }
        }
        if (!sort.isEmpty()) {
            select = select.orderBy(sort.toArray(new SortOrder[0]));
        }
        return select;
    }

    /**
     * The owners the rows hold, each once and in order of first appearance, with their joined
     * relationships filled from the same rows. A relationship that was already loaded in memory (an
     * owner from the identity map) is left as it is, so unflushed changes are not overwritten.
     */
    List<Object> read(Loader loader, Relationships relationships, List<Row> rows, int resultId, Map<String, Fetch> plan, List<Object> fresh) {
        List<Object> owners = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Object, Map<Node, Fill>> fills = new IdentityHashMap<>();
        for (Row row : rows) {
            Object owner = loader.materialize(root, b -> row.get(b.column()), resultId, plan, fresh);
            if (seen.add(owner)) {
                owners.add(owner);
            }
            readNodes(loader, row, owner, top, fills, resultId, plan, fresh);
        }
        fills.forEach((owner, byNode) -> byNode.forEach((node, fill) -> {
            if (!fill.skip) {
                apply(relationships, owner, node.rel, fill.items);
            }
        }));
        return owners;
    }

    private void readNodes(Loader loader, Row row, Object owner, List<Node> nodes, Map<Object, Map<Node, Fill>> fills,
                           int resultId, Map<String, Fetch> plan, List<Object> fresh) {
        for (Node node : nodes) {
            Fill fill = fills.computeIfAbsent(owner, o -> new IdentityHashMap<>())
                    .computeIfAbsent(node, n -> new Fill(isLoaded(n.rel.read(owner))));
            Object key = row.get(node.columns.get(node.target.key().get(0)));
            if (key == null) {
                continue; // no related row: the LEFT JOIN gave NULLs
            }
            Object related = loader.materialize(node.target, b -> row.get(node.columns.get(b)), resultId, plan, fresh);
            if (fill.seen.add(related)) {
                fill.items.add(related);
            }
            readNodes(loader, row, related, node.children, fills, resultId, plan, fresh);
        }
    }

    private static boolean isLoaded(Object holder) {
        return holder instanceof RelatedList<?> list ? list.isLoaded() : !(holder instanceof Ref<?> ref) || ref.isLoaded();
    }

    /** Puts the joined objects into the owner's field, and the owner into theirs when they point back. */
    private static void apply(Relationships relationships, Object owner, RelationshipMapping rel, List<Object> items) {
        relationships.fill(owner, rel, items);
        RelationshipMapping inverse = rel.inverse();
        boolean backIsWhole = inverse != null && !inverse.kind().isCollection()
                && (rel.kind() == RelationshipKind.TO_MANY || rel.kind() == RelationshipKind.TO_ONE_INVERSE
                    || inverse.kind() == RelationshipKind.TO_ONE_INVERSE);
        if (!backIsWhole) {
            return; // a to-one joined from the many side does not give its target's whole collection
        }
        for (Object item : items) {
            relationships.fillIfUnloaded(item, inverse, owner);
        }
    }
}
