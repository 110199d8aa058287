"""JSON form of the core's frozen dataclasses, driven by their type hints.

One generic walker instead of a to_dict per class: adding a field to the model
cannot be forgotten in the store format. Dates and datetimes become ISO strings,
enums their values, tuples lists. ``load`` refuses what it does not understand
rather than guessing.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin

T = TypeVar("T")


_PLAIN = frozenset({str, int, float, bool, type(None)})
_PLAIN_LOADS = frozenset({str, int, float, bool})


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names, or None for any other type (worked out once per type)."""
    try:
        return _FIELD_NAMES[cls]
    except KeyError:
        names = (
            tuple(f.name for f in dataclasses.fields(cls))
            if dataclasses.is_dataclass(cls)
            else None
        )
        _FIELD_NAMES[cls] = names
        return names


def dump(value: Any) -> Any:
    """Turn a dataclass value (and what it holds) into JSON-ready data.

    Every save of an application walks all of it: plain values and the per-type field
    list are the fast paths.
    """
    cls = type(value)
    if cls in _PLAIN:
        return value
    names = _field_names(cls)
    if names is not None:
        return {name: dump(getattr(value, name)) for name in names}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [dump(v) for v in value]
    if isinstance(value, dict):
        return {str(k): dump(v) for k, v in value.items()}
    return value


def dump_object(value: Any) -> dict[str, Any]:
    """:func:`dump` for a dataclass value, typed as the JSON object it becomes."""
    out = dump(value)
    assert isinstance(out, dict)
    return out


def load(cls: type[T], data: Any) -> T:
    """Rebuild ``cls`` from :func:`dump` output."""
    return typing.cast(T, _load(cls, data))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def _names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


def _load(tp: Any, data: Any) -> Any:
    if tp in _PLAIN_LOADS and type(data) is tp:  # the common case, checked as below
        return data
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = get_args(tp)
        if data is None and type(None) in args:
            return None
        non_none = [a for a in args if a is not type(None)]
        if len(non_none) != 1:
            raise TypeError(f"cannot load ambiguous union {tp}")
        return _load(non_none[0], data)
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_load(args[0], v) for v in data)
        return tuple(_load(a, v) for a, v in zip(args, data, strict=True))
    if origin is dict:
        key_tp, val_tp = get_args(tp)
        return {_load(key_tp, k): _load(val_tp, v) for k, v in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        names = _names(tp)
        unknown = data.keys() - names
        if unknown:
            raise ValueError(f"{tp.__name__}: unknown fields {sorted(unknown)}")
        return tp(**{k: _load(hints[k], v) for k, v in data.items()})
    if tp is datetime:
        return datetime.fromisoformat(data)
    if tp is date:
        return date.fromisoformat(data)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(data)
    if tp is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    if tp in (str, int, float, bool):
        if not isinstance(data, tp) or (tp is int and isinstance(data, bool)):
            raise TypeError(f"expected {tp.__name__}, got {data!r}")
        return data
    raise TypeError(f"cannot load type {tp!r}")
