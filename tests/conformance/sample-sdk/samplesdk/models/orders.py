from datetime import datetime
from enum import Enum
from typing import Any, Dict, List, Literal, Optional, Union

import pydantic
from pydantic import model_serializer
from typing_extensions import Annotated, TypeAliasType

from samplesdk.types import UNSET, BaseModel, Nullable, OptionalNullable

from ._dump import dump
from .pets import Pet, Shape

OrderObject = Literal["order"]


class OrderStatus(str, Enum):
    PLACED = "placed"
    APPROVED = "approved"
    DELIVERED = "delivered"


class LineItem(BaseModel):
    sku: str
    count: int
    unit_price: Annotated[float, pydantic.Field(alias="unitPrice")]


Stop = TypeAliasType("Stop", Union[str, List[str]])


class Order(BaseModel):
    id: Annotated[str, pydantic.Field(alias="_id")]
    object: OrderObject
    quantity: int
    status: OrderStatus
    items: List[LineItem]
    pet: Pet
    shipped_at: Nullable[datetime]
    max_price: Annotated[Optional[float], pydantic.Field(alias="maxPrice")] = None
    note: OptionalNullable[str] = UNSET
    tags: Optional[Dict[str, Any]] = None
    shape: OptionalNullable[Shape] = UNSET
    stop: Optional[Stop] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return dump(self, handler, ["maxPrice", "note", "tags", "shape", "stop"], ["shipped_at", "note", "shape"])
