package dev.ashlar.migrate;

import java.time.LocalDateTime;

/**
 * A row of the version table: one revision the database has, or had begun.
 *
 * @param appliedAt when the row was last written, in UTC
 * @param stepsDone how many of the revision's upgrade steps have completed
 * @param error     why the last attempt stopped, for a failed revision
 */
public record AppliedRevision(String revision, String checksum, State state, int stepsDone, int stepsTotal, LocalDateTime appliedAt,
                              String error) {
    /** How far a revision got. */
    public enum State {
        /** Every step ran. */
        APPLIED,
        /** A step failed; the steps before it are done and are not run again. */
        FAILED,
        /** Steps were running when the migrator stopped without recording a failure (killed). */
        RUNNING
    }

    /** {@code 20261201_add_sku: applied}, or {@code 20261201_add_sku: failed at step 3 of 3 (...)}. */
    public String summary() {
        return switch (state) {
            case APPLIED -> revision + ": applied";
            case FAILED -> revision + ": failed at step " + (stepsDone + 1) + " of " + stepsTotal + (error == null ? "" : " (" + error + ")");
            case RUNNING -> revision + ": stopped after step " + stepsDone + " of " + stepsTotal;
        };
    }
}
