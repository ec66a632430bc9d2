def dump(model, handler, optional_fields, nullable_fields):
    """What the generator's `serialize_model` does: leave out optional fields that are unset or
    `None`, except an optional nullable field the payload set to `null`."""
    from samplesdk.types import UNSET_SENTINEL

    serialized = handler(model)
    out = {}
    for name, field in type(model).model_fields.items():
        key = field.alias or name
        val = serialized.pop(key, None)
        is_set = name in model.__pydantic_fields_set__
        if val is not None and val != UNSET_SENTINEL:
            out[key] = val
        elif val != UNSET_SENTINEL and (
            key not in optional_fields or (key in nullable_fields and is_set)
        ):
            out[key] = val
    return out
