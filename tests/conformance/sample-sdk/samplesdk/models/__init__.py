"""The models the docs under docs/models describe."""

from .orders import LineItem, Order, OrderObject, OrderStatus, Stop
from .pets import Cat, Circle, Dog, Pet, Shape, Square, SquareType

__all__ = ["Cat", "Circle", "Dog", "LineItem", "Order", "OrderObject", "OrderStatus", "Pet",
           "Shape", "Square", "SquareType", "Stop"]
