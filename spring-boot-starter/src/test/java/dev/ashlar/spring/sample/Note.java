package dev.ashlar.spring.sample;

import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Length;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.Required;

/** The model the starter's tests write, found through {@code ashlar.model-packages}. */
@Model(table = "note")
public class Note {
    @Id public Long id;
    @Required @Length(80) public String text;

    public Note() {
    }

    public Note(String text) {
        this.text = text;
    }
}
