#!/usr/bin/python3
"""The flow of `ashlar quickstart` in SQLAlchemy, to compare start-up times (see cli/bench/startup)."""
import sys
from datetime import datetime
from decimal import Decimal
from sqlalchemy import Column, DateTime, Index, Integer, Numeric, String, Text, create_engine, inspect, select, text
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()

class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True, index=True)
    name = Column(String, nullable=False)
    description = Column(Text)
    price = Column(Numeric(10, 2), nullable=False)
    created_at = Column(DateTime, default=datetime.utcnow)

engine = create_engine(sys.argv[1] if len(sys.argv) > 1 else "sqlite:///items.db", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    samples = [("Widget", "A small widget", "9.99"), ("Gadget", "A useful gadget", "24.50"),
               ("Gizmo", None, "14.25"), ("Doohickey", "Does what it says", "3.10")]
    existing = {item.name for item in session.scalars(select(Item))}
    session.add_all(Item(name=n, description=d, price=Decimal(p)) for n, d, p in samples if n not in existing)
    session.commit()
    for item in session.scalars(select(Item).where(Item.price < Decimal("20.00")).order_by(Item.price)):
        print(f"   #{item.id} {item.name:<10} {item.price:>8}  (added {item.created_at})")
lookup = select(Item).where(Item.name == "Widget").compile(engine, compile_kwargs={"literal_binds": True})
name_index = Index("ix_items_name", Item.name)
with engine.begin() as conn:
    if any(ix["name"] == "ix_items_name" for ix in inspect(conn).get_indexes("items")):
        name_index.drop(conn)
    for title in ("Without an index on name", "With index ix_items_name"):
        if title.startswith("With "):
            name_index.create(conn)
            conn.execute(text("ANALYZE items"))
        print("-- " + title + ":")
        for row in conn.execute(text(f"EXPLAIN QUERY PLAN {lookup}")):
            print("   " + row[3])
