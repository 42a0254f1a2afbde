package dev.ashlar.compliance;

import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.string;

import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.ReferentialAction;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.UniqueConstraint;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A schema that uses every DDL feature: autoincrement and composite keys, server defaults, unique and
 * check constraints, foreign keys with each referential action, plain, multi-column and unique indexes.
 */
final class LibrarySchema {
    final MetaData md = new MetaData();

    final Column<Long> authorId = Column.of("id", bigInteger()).primaryKey();
    final Column<String> authorName = Column.of("name", string(50)).notNull().unique();
    final Table authors = md.table("authors", authorId, authorName);

    final Column<String> code = Column.of("code", string(10)).primaryKey();
    final Column<String> publisherName = Column.of("name", string(100));
    final Table publishers = md.table("publishers", code, publisherName);

    final Column<Long> bookId = Column.of("id", bigInteger()).primaryKey();
    final Column<Long> bookAuthor = Column.of("author_id", bigInteger()).notNull()
            .references(authorId, ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);
    final Column<Long> editor = Column.of("editor_id", bigInteger())
            .references(authorId, ReferentialAction.SET_NULL, ReferentialAction.NO_ACTION);
    final Column<String> publisher = Column.of("publisher_code", string(10))
            .references(code, ReferentialAction.RESTRICT, ReferentialAction.CASCADE);
    final Column<String> isbn = Column.of("isbn", string(20)).unique();
    final Column<String> title = Column.of("title", string(200)).notNull().index();
    final Column<BigDecimal> price = Column.of("price", numeric(10, 2));
    final Column<String> status = Column.of("status", string(10)).notNull().serverDefault(ServerDefault.literal("draft"));
    final Column<Integer> copies = Column.of("copies", integer()).serverDefault(ServerDefault.literal(0));
    final Column<LocalDateTime> createdAt = Column.of("created_at", dateTime()).notNull()
            .serverDefault(ServerDefault.currentTimestamp());
    final Table books = md.table("books", bookId, bookAuthor, editor, publisher, isbn, title, price, status, copies, createdAt,
            CheckConstraint.of("price_positive", "price >= 0"),
            new UniqueConstraint(null, List.of(title, bookAuthor)),
            Index.on(title, price),
            Index.uniqueOn(publisher, isbn));

    final Column<Long> tagBook = Column.of("book_id", bigInteger()).primaryKey();
    final Column<String> tag = Column.of("tag", string(30)).primaryKey();
    final Table bookTags = md.table("book_tags", tagBook, tag,
            ForeignKey.of(List.of(tagBook), List.of(bookId)).onDelete(ReferentialAction.CASCADE));
}
