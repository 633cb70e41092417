"""gridboard/models has no import cycle, counting imports inside functions too (issue 19, item 5)."""

from __future__ import annotations

import ast
from pathlib import Path

MODELS = Path(__file__).resolve().parent.parent / "gridboard" / "models"
PACKAGE = "gridboard.models"


def _module_name(path: Path) -> str:
    rel = path.relative_to(MODELS).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"]
    return ".".join([PACKAGE, *parts]) if parts else PACKAGE


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(MODELS.rglob("*.py"))}


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


def import_graph() -> dict[str, set[str]]:
    """Module -> the gridboard.models modules it imports anywhere in its text (functions included).

    Importing ``a.b`` also runs the package ``a``'s ``__init__``, so a package's __init__ counts as
    imported by every module that imports something inside it, except the package's own modules.
    """
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(name, path, node)
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            for target in targets:
                if target in modules and target != name:
                    graph[name].add(target)
    # A module inside a subpackage does not import its own package's __init__ through the import
    # system when the package is already being imported; only the edges written in text count.
    graph[PACKAGE].discard(PACKAGE)
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_graph_sees_imports_inside_functions() -> None:
    graph = import_graph()
    # store.py imports schema at its top; backup.py imports store inside functions among others.
    assert "gridboard.models.schema" in graph["gridboard.models.store"]
    assert len(graph) > 30


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_in_models() -> None:
    cycles = find_cycles(import_graph())
    assert cycles == [], "import cycles in gridboard/models: " + "; ".join(" ↔ ".join(c) for c in cycles)


# The file's machinery: what the connection owner and the migrations may import from gridboard/models.
MACHINERY = {
    f"{PACKAGE}.{name}"
    for name in ("store", "schema", "cipher", "lockfile", "changes", "errors", "uri", "clock")
}


def test_the_connection_owner_and_the_migrations_import_no_domain_code() -> None:
    graph = import_graph()
    for module in (f"{PACKAGE}.store", f"{PACKAGE}.schema", f"{PACKAGE}.cipher"):
        assert graph[module] - MACHINERY - {PACKAGE} == set(), module


def test_a_bare_open_runs_no_domain_code_and_the_domain_open_counts_the_tallies(tmp_path: Path) -> None:
    from gridboard.models import store as store_module
    from gridboard.models import tallies
    from gridboard.models.opening import open_store

    bare = store_module.open_store(tmp_path / "bare.gridboard", create=True, on_open=store_module.BARE)
    try:
        assert tallies.stored_fingerprint(bare.conn) is None
    finally:
        bare.close()
    counted = open_store(tmp_path / "bare.gridboard")
    try:
        assert tallies.is_current(counted.conn) and tallies.verify(counted.db) == []
    finally:
        counted.close()
