"""The main window's features: what one is (`Feature`), what it needs, and the registry that makes them in order.

A feature is a class made once with the window, `Kind(window)`, after every feature it `needs`; it
adds its views (`window.add_view`), menu actions and navigation targets then. The window keeps them
in `window.features`, and anything that wants one asks for it by its class, typed:

    board = window.features.get(BoardFeature).view         # a BoardView, not an attribute of the window

`main_window.FEATURES` lists them ("module:Class") in the order their views appear; `install_order`
keeps that order except where a feature must come after one it needs, and refuses a feature list
where a feature needs one that is not in it, or where features need each other in a circle
(`FeatureError`, at start, before anything is made). A view slow to build is a `LazyView`: made when
first shown or asked for, so it does not hold up the window's first paint.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from gridboard.ui.main_window import MainWindow

F = TypeVar("F")
V = TypeVar("V", bound=QWidget)


class Feature(Protocol):
    """One part of the main window (the board, the ledger, requests, printing...).

    `needs`: the features it uses while it is made or afterwards (their views, panels, menus); they
    are made first, and a window without them refuses to start."""

    needs: ClassVar[tuple[type[Feature], ...]]

    def __init__(self, window: MainWindow) -> None: ...


class FeatureError(Exception):
    """The window's feature list cannot be installed (a bug in the code, not trouble from the world)."""


def _name(kind: type) -> str:
    return kind.__name__


def install_order(kinds: Iterable[type[Feature]]) -> list[type[Feature]]:
    """`kinds` in their listed order, each moved after the features it needs (which must be listed too).

    Raises FeatureError naming the feature and what it needs when that is not listed, or the circle
    when features need each other round."""
    listed = list(dict.fromkeys(kinds))
    known = set(listed)
    for kind in listed:
        missing = [need for need in kind.needs if need not in known]
        if missing:
            raise FeatureError(
                f"{_name(kind)} needs {', '.join(_name(m) for m in missing)}, which is not among the"
                f" window's features ({', '.join(_name(k) for k in listed)})"
            )
    order: list[type[Feature]] = []
    placed: set[type[Feature]] = set()

    def place(kind: type[Feature], path: list[type[Feature]]) -> None:
        if kind in placed:
            return
        if kind in path:
            circle = [*path[path.index(kind) :], kind]
            raise FeatureError(
                f"features need each other in a circle: {' → '.join(_name(k) for k in circle)}"
            )
        for need in kind.needs:
            place(need, [*path, kind])
        placed.add(kind)
        order.append(kind)

    for kind in listed:
        place(kind, [])
    return order


def load(spec: str) -> type[Feature]:
    """The feature class named "package.module:Class" (imported now, not when the window's module is)."""
    module, _, name = spec.partition(":")
    if not name:
        raise FeatureError(f"a feature is named as module:Class, not {spec!r}")
    kind = getattr(importlib.import_module(module), name, None)
    if not isinstance(kind, type) or not isinstance(getattr(kind, "needs", None), tuple):
        raise FeatureError(f"{spec} is not a feature class (one with `needs`)")
    return kind


class Features:
    """The features one window has, by class, in the order they were made."""

    def __init__(self) -> None:
        self._made: dict[type, object] = {}

    def install(self, window: MainWindow, kinds: Iterable[type[Feature]]) -> None:
        """Make every feature in `install_order` (the whole order is checked before the first is made)."""
        for kind in install_order(kinds):
            self._made[kind] = kind(window)

    def get(self, kind: type[F]) -> F:
        """The window's feature of this class; LookupError when the window was made without it."""
        feature = self._made.get(kind)
        if not isinstance(feature, kind):
            raise LookupError(
                f"this window has no {_name(kind)} (features: {', '.join(map(_name, self._made))})"
            )
        return feature

    def find(self, kind: type[F]) -> F | None:
        """The feature, or None when the window was made without it (for what a feature offers only if
        another is there: declare it in `needs` instead whenever the feature cannot do without)."""
        feature = self._made.get(kind)
        return feature if isinstance(feature, kind) else None

    def __contains__(self, kind: object) -> bool:
        return kind in self._made

    def __iter__(self) -> Iterator[object]:
        return iter(list(self._made.values()))

    def __len__(self) -> int:
        return len(self._made)


class LazyView(Generic[V]):
    """A page of the window made when first shown or asked for (`get`), not while the window opens."""

    def __init__(
        self,
        window: MainWindow,
        key: str,
        title: str,
        make: Callable[[], V],
        shortcut: str | None = None,
    ) -> None:
        self._window = window
        self.key = key
        self._make = make
        self._view: V | None = None
        self.action: QAction = window.add_view(key, title, self._build, shortcut)

    def _build(self) -> V:
        self._view = self._make()
        return self._view

    def built(self) -> V | None:
        """The view if it was made already (without making it)."""
        return self._view

    def get(self) -> V:
        """The view, made now if it was not yet."""
        if self._view is None:
            self._window.view(self.key)
        assert self._view is not None, self.key
        return self._view

    def show(self) -> V:
        self._window.show_view(self.key)
        return self.get()
