package dev.ashlar.examples;

import dev.ashlar.core.schema.ReferentialAction;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.References;
import dev.ashlar.declarative.Required;
import dev.ashlar.declarative.Text;

/** A customer's review of an {@link Item}; deleting the item deletes its reviews. */
@Model(table = "reviews")
public class Review {
    @Id public Long id;
    @References(model = Item.class, onDelete = ReferentialAction.CASCADE) @Required public Long itemId;
    @Required public Integer stars;
    @Text public String body;
}
