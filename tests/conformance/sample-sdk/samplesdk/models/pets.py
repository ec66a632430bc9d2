from typing import Literal, Optional, Union

import pydantic
from pydantic import Discriminator, Tag, model_serializer
from pydantic.functional_validators import AfterValidator
from typing_extensions import Annotated, TypeAliasType

from samplesdk.types import BaseModel

from ._dump import dump


class Cat(BaseModel):
    name: str
    lives: Optional[int] = None

    @model_serializer(mode="wrap")
    def serialize_model(self, handler):
        return dump(self, handler, ["lives"], [])


class Dog(BaseModel):
    name: str
    barks: bool


Pet = TypeAliasType("Pet", Union[Cat, Dog])


def validate_const(value):
    def check(v):
        if v != value:
            raise ValueError(f"expected {value!r}")
        return v

    return check


class Circle(BaseModel):
    # How the generator writes a `const` property (the doc: `*Literal["circle"]*`, required):
    # a field under another Python name, with the constant as its default.
    TYPE: Annotated[
        Annotated[Literal["circle"], AfterValidator(validate_const("circle"))],
        pydantic.Field(alias="type"),
    ] = "circle"
    radius: float


SquareType = Literal["square"]


class Square(BaseModel):
    type: SquareType
    side: float


def _shape_tag(v):
    if isinstance(v, dict):
        return v.get("type")
    return getattr(v, "TYPE", None) or getattr(v, "type", None)


Shape = TypeAliasType(
    "Shape",
    Annotated[
        Union[Annotated[Circle, Tag("circle")], Annotated[Square, Tag("square")]],
        Discriminator(_shape_tag),
    ],
)
