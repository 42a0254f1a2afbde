package dev.ashlar.migrate;

import java.util.List;

/**
 * What a command did and what would come next.
 *
 * @param done     the revisions applied, reverted or stamped, in the order it happened
 * @param pending  the revisions that an {@code upgrade} to the heads would still apply
 * @param warnings things found on the way that need a person's attention (an INVALID index left by
 *                 an interrupted {@code CREATE INDEX CONCURRENTLY}, several heads)
 */
public record MigrationReport(List<String> done, List<String> pending, List<String> warnings) {
}
