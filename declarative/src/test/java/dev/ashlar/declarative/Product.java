package dev.ashlar.declarative;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A record model using most supported types. */
@Model
public record Product(@Id Long id,
                      @Required @Length(80) @Unique String title,
                      int stock,
                      Short rank,
                      boolean active,
                      Status status,
                      UUID ref,
                      byte[] picture,
                      Double weight,
                      Float ratio,
                      LocalDate launched,
                      LocalTime opensAt,
                      OffsetDateTime checkedAt,
                      @Numeric(precision = 12, scale = 4) BigDecimal cost,
                      @ColumnOptions(name = "sku_code", nullable = false, index = true) String sku,
                      @Transient String note) {

    /** Stored by name. */
    public enum Status { DRAFT, LIVE, RETIRED }
}
