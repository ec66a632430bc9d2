from .basemodel import UNSET, UNSET_SENTINEL, BaseModel, Nullable, OptionalNullable, Unset

__all__ = ["BaseModel", "Nullable", "OptionalNullable", "UNSET", "UNSET_SENTINEL", "Unset"]
