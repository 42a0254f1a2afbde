package dev.ashlar.orm;

import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.ColumnOptions;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Length;
import dev.ashlar.declarative.ManyToOne;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.declarative.Numeric;
import dev.ashlar.declarative.OneToMany;
import dev.ashlar.declarative.References;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Chinook's invoices, lines and tracks as models. The sample database spells names differently per
 * database (snake_case on PostgreSQL, PascalCase on SQLite and MariaDB), and annotations are
 * constants, so there are two small sets of models behind common interfaces.
 */
final class ChinookModels {
    private ChinookModels() {
    }

    interface AnInvoice {
        String country();

        List<? extends ALine> lines();
    }

    interface ALine {
        ATrack track();

        int quantity();
    }

    interface ATrack {
        String name();
    }

    /** The models as PostgreSQL's Chinook names them (the default snake_case mapping). */
    static final class Snake {
        static final ModelRegistry REGISTRY = new ModelRegistry(new MetaData());

        @Model(table = "invoice")
        static class Invoice implements AnInvoice {
            @Id Integer invoiceId;
            @Length(40) String billingCountry;
            @OneToMany(mappedBy = "invoice") List<InvoiceLine> lines = new ArrayList<>();

            public String country() {
                return billingCountry;
            }

            public List<InvoiceLine> lines() {
                return lines;
            }
        }

        @Model(table = "invoice_line")
        static class InvoiceLine implements ALine {
            @Id Integer invoiceLineId;
            @References(model = Invoice.class) Integer invoiceId;
            @References(model = Track.class) Integer trackId;
            @Numeric(precision = 10, scale = 2) BigDecimal unitPrice;
            int quantity;
            @ManyToOne Ref<Invoice> invoice = new Ref<>();
            @ManyToOne Ref<Track> track = new Ref<>();

            public Track track() {
                return track.get();
            }

            public int quantity() {
                return quantity;
            }
        }

        @Model(table = "track")
        static class Track implements ATrack {
            @Id Integer trackId;
            @Length(200) String name;
            int milliseconds;

            public String name() {
                return name;
            }
        }
    }

    /** The models as SQLite's and MariaDB's Chinook name them. */
    static final class Pascal {
        static final ModelRegistry REGISTRY = new ModelRegistry(new MetaData());

        @Model(table = "Invoice")
        static class Invoice implements AnInvoice {
            @Id @ColumnOptions(name = "InvoiceId") Integer invoiceId;
            @Length(40) @ColumnOptions(name = "BillingCountry") String billingCountry;
            @OneToMany(mappedBy = "invoice") List<InvoiceLine> lines = new ArrayList<>();

            public String country() {
                return billingCountry;
            }

            public List<InvoiceLine> lines() {
                return lines;
            }
        }

        @Model(table = "InvoiceLine")
        static class InvoiceLine implements ALine {
            @Id @ColumnOptions(name = "InvoiceLineId") Integer invoiceLineId;
            @References(model = Invoice.class) @ColumnOptions(name = "InvoiceId") Integer invoiceId;
            @References(model = Track.class) @ColumnOptions(name = "TrackId") Integer trackId;
            @Numeric(precision = 10, scale = 2) @ColumnOptions(name = "UnitPrice") BigDecimal unitPrice;
            @ColumnOptions(name = "Quantity") int quantity;
            @ManyToOne Ref<Invoice> invoice = new Ref<>();
            @ManyToOne Ref<Track> track = new Ref<>();

            public Track track() {
                return track.get();
            }

            public int quantity() {
                return quantity;
            }
        }

        @Model(table = "Track")
        static class Track implements ATrack {
            @Id @ColumnOptions(name = "TrackId") Integer trackId;
            @Length(200) @ColumnOptions(name = "Name") String name;
            @ColumnOptions(name = "Milliseconds") int milliseconds;

            public String name() {
                return name;
            }
        }
    }
}
