"""The base model and the `Nullable` / `OptionalNullable` markers, with the semantics of the
Speakeasy runtime: an `OptionalNullable` field defaults to `UNSET`, which is never written."""

from typing import Literal, Optional, TypeVar, Union

from pydantic import BaseModel as PydanticBaseModel
from pydantic import ConfigDict, model_serializer
from typing_extensions import TypeAliasType


class BaseModel(PydanticBaseModel):
    model_config = ConfigDict(populate_by_name=True, arbitrary_types_allowed=True, protected_namespaces=())


UNSET_SENTINEL = "~?~unset~?~sentinel~?~"


class Unset(BaseModel):
    @model_serializer(mode="plain")
    def serialize_model(self):
        return UNSET_SENTINEL

    def __bool__(self) -> Literal[False]:
        return False


UNSET = Unset()

T = TypeVar("T")
Nullable = TypeAliasType("Nullable", Union[T, None], type_params=(T,))
OptionalNullable = TypeAliasType("OptionalNullable", Union[Optional[Nullable[T]], Unset], type_params=(T,))
