package com.example.library;

import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Length;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.Required;

/** A model compiled by Ashlar's annotation processor, which generates {@code Book_}. */
@Model(table = "books")
public class Book {
    @Id public Long id;
    @Required @Length(200) public String title;
    public int year;

    public Book() {
    }

    public Book(String title, int year) {
        this.title = title;
        this.year = year;
    }
}
