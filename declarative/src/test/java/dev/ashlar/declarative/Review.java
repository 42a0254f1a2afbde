package dev.ashlar.declarative;

import dev.ashlar.core.schema.ReferentialAction;

/** A model with a foreign key to {@link Item}, deleted with it, and a self-reference. */
@Model
public class Review {
    @Id private long id;
    @References(model = Item.class, onDelete = ReferentialAction.CASCADE) @Required private Long itemId;
    @References(model = Review.class) private Long replyToId;
    private String body;
    private transient int cachedScore;

    long id() {
        return id;
    }

    Long itemId() {
        return itemId;
    }

    String body() {
        return body;
    }

    static Review of(Long itemId, String body) {
        Review r = new Review();
        r.itemId = itemId;
        r.body = body;
        return r;
    }
}
