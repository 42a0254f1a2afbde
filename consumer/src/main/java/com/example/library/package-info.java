/**
 * A small application that uses Ashlar the way an outside project would, from the published
 * artifacts and the BOM: {@link com.example.library.Book} is compiled by the annotation processor
 * and {@link com.example.library.LibraryApp} writes and reads it on SQLite. {@code consumer-it}
 * builds it to check that the artifacts work outside the reactor. Not API.
 */
package com.example.library;
