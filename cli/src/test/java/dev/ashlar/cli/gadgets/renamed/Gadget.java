package dev.ashlar.cli.gadgets.renamed;

import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Length;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.RenamedFrom;
import dev.ashlar.declarative.Required;
import dev.ashlar.declarative.Unique;

/** The gadget of the command-line migration tests after an evolution: weight renamed to grams (declared), a unique sku. */
@Model(table = "cli_gadgets")
public class Gadget {
    @Id public Long id;
    @Required @Length(40) public String name;
    @RenamedFrom("weight") public Integer grams;
    @Unique @Length(20) public String sku;
}
