#!/usr/bin/env python3
"""The insert, fetchAll, lookup and update workloads of the JMH benchmarks, through SQLAlchemy Core and ORM.

Run by bench/run when SQLAlchemy is importable; writes one JSON file (see ``main``) that
dev.ashlar.bench.report.Report turns into the SQLAlchemy columns of docs/benchmarks.md.

Same databases, table, rows and operations as the Java workloads (dev.ashlar.bench.Insert, FetchAll,
Lookup, Update and support.Fixture):
  - SQLite file bench/results/tmp/bench.db with journal_mode=WAL, synchronous=NORMAL, foreign_keys=ON,
    busy_timeout=10000 (Ashlar's engine settings); PostgreSQL 127.0.0.1:5432, user postgres, database
    $ASHLAR_BENCH_DB or ashlar_bench, the one the JMH run uses.
  - items(id, name, description, price numeric(10,2), created_at), loaded with the fixture's deterministic
    rows; a bench_state row records what was loaded, with the same meaning as in Fixture.java, so the
    Java and Python runs share the loaded table.
  - insert: N new items in one transaction into an empty table (emptied outside the timing);
    fetchAll: read all N items into objects; lookup: L primary-key lookups on one connection (ORM: a fresh
    Session per lookup); update: in one transaction load the first U items by id, add a cent to each
    price, commit.

Not JMH: each iteration repeats the operation until the iteration time has passed (at least once) and
records the mean time of its operations; the score is the mean over the measured iterations and the
error the half-width of a 99.9% Student-t confidence interval over them, as JMH reports it. Per-operation
setup (emptying the table before an insert) is outside the timed region. CPython's own timing is of
whole operations, so this is closer to JMH's average-time mode than a single run, but it has no JIT
warm-up to speak of and no forks.

Written for SQLAlchemy 1.4 (the Debian bookworm package) with its 2.0-style API (future=True engines and
sessions, select()); it runs unchanged on 2.x.
"""
import argparse
import datetime as dt
import json
import math
import os
import platform
import random
import statistics
import sys
import time
import warnings
from decimal import Decimal

import sqlalchemy
from sqlalchemy import (BigInteger, Column, DateTime, Integer, MetaData, Numeric, String, Table, Text, bindparam,
                        create_engine, event, func, select, text, update)
from sqlalchemy.orm import Session, registry
from sqlalchemy.pool import QueuePool

# SQLite has no decimal type; SQLAlchemy reads REAL prices back as Decimal with the column's scale and says so.
warnings.filterwarnings("ignore", message=".*does \\*not\\* support Decimal objects natively.*")

FULL = {"insert": 100_000, "fetchAll": 100_000, "lookupTable": 100_000, "lookups": 10_000,
        "updateTable": 100_000, "updates": 10_000}
BATCH = 1000
EPOCH = dt.datetime(2024, 1, 1)
CENT = Decimal("0.01")
# Student's t quantile for a two-sided 99.9% interval (0.9995), by degrees of freedom, as JMH uses.
T_9995 = {1: 636.619, 2: 31.599, 3: 12.924, 4: 8.610, 5: 6.869, 6: 5.959, 7: 5.408, 8: 5.041, 9: 4.781,
          10: 4.587, 11: 4.437, 12: 4.318, 13: 4.221, 14: 4.140, 15: 4.073, 19: 3.883, 29: 3.659}

metadata = MetaData()
# BigInteger on PostgreSQL; SQLite's rowid alias must be declared INTEGER.
items = Table("items", metadata,
              Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True),
              Column("name", String, nullable=False),
              Column("description", Text),
              Column("price", Numeric(10, 2), nullable=False),
              Column("created_at", DateTime))

mapper_registry = registry()


class Item:
    """The ORM model, mapped imperatively onto the same Table object Core uses."""

    def __init__(self, name=None, description=None, price=None, created_at=None, id=None):
        self.id = id
        self.name = name
        self.description = description
        self.price = price
        self.created_at = created_at


mapper_registry.map_imperatively(Item, items)


class PlainItem:
    """What Core rows are read into, as the Java workloads read into Item objects."""
    __slots__ = ("id", "name", "description", "price", "created_at")

    def __init__(self, id, name, description, price, created_at):
        self.id = id
        self.name = name
        self.description = description
        self.price = price
        self.created_at = created_at


def fixture_item(i):
    """The i-th item (1-based), the same values as Fixture.item(i)."""
    return {"name": f"item-{i}", "description": f"Description of item {i}, a sturdy thing for everyday use",
            "price": Decimal(100 + (i * 7919) % 99_900).scaleb(-2),
            "created_at": EPOCH + dt.timedelta(seconds=i, microseconds=(i % 1000))}


# ---- databases -------------------------------------------------------------------------------------------

def sqlite_engine(root):
    path = os.path.join(root, "bench", "results", "tmp", "bench.db")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # A pool of 4 kept connections, as the Java side's (SQLAlchemy 1.4 defaults to NullPool for SQLite files).
    engine = create_engine(f"sqlite:///{path}", future=True, poolclass=QueuePool, pool_size=4)

    @event.listens_for(engine, "connect")
    def pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=10000"):
            cursor.execute("PRAGMA " + pragma)
        cursor.close()

    return engine


def postgres_name():
    return os.environ.get("ASHLAR_BENCH_DB") or "ashlar_bench"


def postgres_engine():
    admin = create_engine("postgresql+psycopg2://postgres@127.0.0.1:5432/postgres", future=True,
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        if c.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": postgres_name()}).first() is None:
            c.execute(text(f'CREATE DATABASE "{postgres_name()}"'))
    admin.dispose()
    # values_plus_batch: multi-row VALUES for executemany INSERTs and psycopg2's execute_batch for UPDATEs,
    # 1,000 rows a page, as the Java side's batches of 1,000 (and pgjdbc's reWriteBatchedInserts).
    return create_engine(f"postgresql+psycopg2://postgres@127.0.0.1:5432/{postgres_name()}", future=True,
                         pool_size=10, executemany_mode="values_plus_batch", executemany_values_page_size=BATCH,
                         executemany_batch_page_size=BATCH)


# The DDL Ashlar's dialects give the Item table (used only when the JMH run has not created it yet).
DDL = {
    "postgresql": "CREATE TABLE items (id bigint GENERATED BY DEFAULT AS IDENTITY, name varchar NOT NULL, "
                  "description text, price numeric(10,2) NOT NULL, created_at timestamp(6), "
                  "CONSTRAINT pk_items PRIMARY KEY (id))",
    "sqlite": "CREATE TABLE items (id INTEGER NOT NULL, name TEXT NOT NULL, description TEXT, "
              "price NUMERIC(10,2) NOT NULL, created_at TEXT, CONSTRAINT pk_items PRIMARY KEY (id))",
}


class Fixture:
    """support.Fixture's protocol: items 1..n with ids 1..n, remembered in bench_state."""

    def __init__(self, engine, db):
        self.engine = engine
        self.db = db

    def create_tables(self):
        with self.engine.begin() as c:
            if not sqlalchemy.inspect(c).has_table("items"):
                c.execute(text(DDL[self.db]))
            c.execute(text("CREATE TABLE IF NOT EXISTS bench_state (loaded_rows bigint NOT NULL)"))

    def count(self, c):
        return c.execute(select(func.count()).select_from(items)).scalar_one()

    def ensure_rows(self, n):
        self.create_tables()
        with self.engine.connect() as c:
            loaded = c.execute(text("SELECT max(loaded_rows) FROM bench_state")).scalar()
            if loaded == n and self.count(c) == n:
                return
        with self.engine.begin() as c:
            self._truncate(c)
            for start in range(1, n + 1, BATCH):
                c.execute(items.insert(), [dict(fixture_item(i), id=i) for i in range(start, min(n, start + BATCH - 1) + 1)])
            if self.db == "postgresql":
                c.execute(text(f"SELECT setval(pg_get_serial_sequence('items', 'id'), {max(n, 1)})"))
            c.execute(text(f"INSERT INTO bench_state (loaded_rows) VALUES ({n})"))
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            if self.db == "postgresql":
                c.execute(text("VACUUM ANALYZE items"))
            else:
                c.execute(text("ANALYZE"))
                c.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))

    def empty(self):
        self.create_tables()
        with self.engine.begin() as c:
            self._truncate(c)
        if self.db == "sqlite":
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                c.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))

    def _truncate(self, c):
        c.execute(text("TRUNCATE items RESTART IDENTITY" if self.db == "postgresql" else "DELETE FROM items"))
        c.execute(text("DELETE FROM bench_state"))


# ---- workloads -------------------------------------------------------------------------------------------

def rows(full, scale):
    return max(1, round(full * scale))


class Workloads:
    def __init__(self, engine, db, scale):
        self.engine = engine
        self.db = db
        self.fixture = Fixture(engine, db)
        self.scale = scale

    # insert ---------------------------------------------------------------------------------------------
    def prepare_insert(self):
        n = rows(FULL["insert"], self.scale)
        self.new_items = [fixture_item(i) for i in range(1, n + 1)]

    def before_insert(self):
        self.fixture.empty()

    def after_insert(self):
        with self.engine.connect() as c:
            count = self.fixture.count(c)
        if count != len(self.new_items):
            raise RuntimeError(f"expected {len(self.new_items)} rows after the insert, found {count}")

    def insert_core(self):
        with self.engine.begin() as c:
            for start in range(0, len(self.new_items), BATCH):
                c.execute(items.insert(), self.new_items[start:start + BATCH])

    def insert_orm(self):
        with Session(self.engine, future=True) as session:
            for start in range(0, len(self.new_items), BATCH):
                session.add_all([Item(**values) for values in self.new_items[start:start + BATCH]])
                session.flush()
                session.expunge_all()
            session.commit()

    # fetchAll -------------------------------------------------------------------------------------------
    def prepare_fetchAll(self):
        self.fetch_rows = rows(FULL["fetchAll"], self.scale)
        self.fixture.ensure_rows(self.fetch_rows)

    def fetchAll_core(self):
        with self.engine.connect() as c:
            result = [PlainItem(*row) for row in c.execute(select(items))]
        if len(result) != self.fetch_rows:
            raise RuntimeError(f"read {len(result)} of {self.fetch_rows} items")

    def fetchAll_orm(self):
        with Session(self.engine, future=True) as session:
            result = session.execute(select(Item)).scalars().all()
        if len(result) != self.fetch_rows:
            raise RuntimeError(f"read {len(result)} of {self.fetch_rows} items")

    # lookup ---------------------------------------------------------------------------------------------
    def prepare_lookup(self):
        table_rows = rows(FULL["lookupTable"], self.scale)
        self.fixture.ensure_rows(table_rows)
        rng = random.Random(42)
        self.ids = [1 + rng.randrange(table_rows) for _ in range(rows(FULL["lookups"], self.scale))]

    def lookup_core(self):
        found = 0
        stmt = select(items).where(items.c.id == bindparam("id"))
        with self.engine.connect() as c:
            for i in self.ids:
                row = c.execute(stmt, {"id": i}).one()
                if PlainItem(*row).id == i:
                    found += 1
            c.rollback()
        self._check_found(found)

    def lookup_orm(self):
        found = 0
        with self.engine.connect() as c:
            for i in self.ids:
                # A fresh Session (identity map) per lookup, all on one connection, as the Java ORMs do.
                with Session(bind=c, future=True) as session:
                    item = session.get(Item, i)
                    if item is not None and item.id == i:
                        found += 1
            c.rollback()
        self._check_found(found)

    def _check_found(self, found):
        if found != len(self.ids):
            raise RuntimeError(f"found {found} of {len(self.ids)} items")

    # update ---------------------------------------------------------------------------------------------
    def prepare_update(self):
        self.fixture.ensure_rows(rows(FULL["updateTable"], self.scale))
        self.updates = rows(FULL["updates"], self.scale)

    def update_core(self):
        stmt = update(items).where(items.c.id == bindparam("b_id")).values(price=bindparam("b_price"))
        with self.engine.begin() as c:
            loaded = [PlainItem(*row) for row in
                      c.execute(select(items).where(items.c.id <= self.updates).order_by(items.c.id))]
            params = []
            for item in loaded:
                item.price = item.price + CENT
                params.append({"b_id": item.id, "b_price": item.price})
            for start in range(0, len(params), BATCH):
                c.execute(stmt, params[start:start + BATCH])
        self._check_changed(len(loaded))

    def update_orm(self):
        with Session(self.engine, future=True) as session:
            loaded = session.execute(select(Item).where(Item.id <= self.updates).order_by(Item.id)).scalars().all()
            for item in loaded:
                item.price = item.price + CENT
            session.commit()  # the flush sends the changed prices as executemany UPDATEs
        self._check_changed(len(loaded))

    def _check_changed(self, changed):
        if changed != self.updates:
            raise RuntimeError(f"changed {changed} items, expected {self.updates}")


# ---- measurement -----------------------------------------------------------------------------------------

def measure(op, before, after, warmups, iterations, seconds):
    """Iterations of at least `seconds` each (at least one operation); returns the per-iteration mean times (s)."""
    means = []
    for index in range(warmups + iterations):
        spent, ops = 0.0, 0
        while ops == 0 or spent < seconds:
            if before:
                before()
            start = time.perf_counter()
            op()
            spent += time.perf_counter() - start
            ops += 1
            if after:
                after()
        if index >= warmups:
            means.append(spent / ops)
    return means


def summarise(means):
    n = len(means)
    mean = statistics.fmean(means)
    if n < 2:
        return mean, float("nan")
    t = T_9995.get(n - 1) or min((v for k, v in T_9995.items() if k <= n - 1), default=3.291)
    return mean, t * statistics.stdev(means) / math.sqrt(n)


WORKLOADS = ["insert", "fetchAll", "lookup", "update"]
LIBRARIES = {"sqlalchemyCore": "core", "sqlalchemyOrm": "orm"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["quick", "full"], required=True,
                        help="quick: scale 0.1, 3 warm-up and 4 measured iterations of 1 s; full: scale 1, 4 and 5 of 2 s")
    parser.add_argument("--scale", type=float, help="override the mode's scale of the row counts")
    parser.add_argument("--output", required=True)
    parser.add_argument("--db", action="append", choices=["sqlite", "postgresql"], help="default: both")
    parser.add_argument("--workload", action="append", choices=WORKLOADS, help="default: all four")
    parser.add_argument("--note", help="a sentence about the run (machine load, ...) that the report prints")
    args = parser.parse_args()
    scale, warmups, iterations, seconds = (0.1, 3, 4, 1.0) if args.mode == "quick" else (1.0, 4, 5, 2.0)
    if args.scale is not None:
        scale = args.scale
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    results = []
    for db in args.db or ["sqlite", "postgresql"]:
        engine = sqlite_engine(root) if db == "sqlite" else postgres_engine()
        w = Workloads(engine, db, scale)
        for workload in args.workload or WORKLOADS:
            getattr(w, "prepare_" + workload)()
            before = getattr(w, "before_" + workload, None)
            after = getattr(w, "after_" + workload, None)
            for library, suffix in LIBRARIES.items():
                op = getattr(w, workload + "_" + suffix)
                means = measure(op, before, after, warmups, iterations, seconds)
                score, error = summarise(means)
                print(f"sqlalchemy: {workload} {db} {library}: {score * 1000:.3f} ± {error * 1000:.3f} ms/op",
                      file=sys.stderr)
                results.append({"workload": workload, "library": library, "db": db, "scale": scale,
                                "score": score * 1000, "scoreError": error * 1000, "scoreUnit": "ms/op",
                                "rawData": [m * 1000 for m in means]})
        engine.dispose()
    out = {"tool": "bench/python/sqlalchemy_bench.py", "mode": args.mode, "scale": scale,
           "warmupIterations": warmups, "measurementIterations": iterations, "iterationSeconds": seconds,
           "sqlalchemy": sqlalchemy.__version__, "python": platform.python_version(),
           "implementation": platform.python_implementation(), "date": dt.date.today().isoformat(),
           "note": args.note, "results": results}
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
