"""The package's imports keep data flowing one way: no import cycle (counting imports inside
functions too, which only hide a cycle), no import from a later stage, and no private name (``_x``)
imported from another module."""

from __future__ import annotations

import ast
from pathlib import Path

import kg

ROOT = Path(kg.__file__).parent
# The stages in the order data flows; a module may import its own stage and earlier ones only.
STAGES = [
    {"kg", "kg.errors", "kg.model", "kg.resources", "kg.match"},
    {"kg.read", "kg.fetch", "kg.web", "kg.nlp"},
    {"kg.extract"},
    {"kg.rdf"},
    {"kg.store"},
    {"kg.layers"},
    {"kg.ingest", "kg.queries", "kg.results", "kg.stats", "kg.validate", "kg.sync", "kg.analyze", "kg.export"},
    {"kg.curate", "kg.watch", "kg.evaluate"},
    {"kg.cli", "kg.__main__"},
]


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path, known: set[str]) -> list[tuple[str, str]]:
    """(module imported, name taken from it or '') for every kg import in the module, at any depth.
    ``from package import submodule`` counts as importing the submodule."""
    found = []
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names if alias.name.split(".")[0] == "kg"]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, one level up per extra dot
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            if base.split(".")[0] != "kg":
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.append((sub, "") if sub in known else (base, alias.name))
    return found


def _graph() -> tuple[dict[str, set[str]], list[str]]:
    modules = _modules()
    edges: dict[str, set[str]] = {m: set() for m in modules}
    private = []
    for name, path in modules.items():
        for target, what in _imports(name, path, set(modules)):
            if target in modules and target != name:
                edges[name].add(target)
            if what.startswith("_") and not what.endswith("__") and target != name:
                private.append(f"{name} imports {target}.{what}")
    return edges, private


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle():
    edges, _ = _graph()
    assert _cycles(edges) == []


def test_no_private_name_imported_across_modules():
    _, private = _graph()
    assert private == []


def _stage(module: str) -> int:
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        for i, stage in enumerate(STAGES):
            if ".".join(parts[:n]) in stage:
                return i
    raise AssertionError(f"{module} belongs to no stage; add it to STAGES")


def test_no_import_from_a_later_stage():
    edges, _ = _graph()
    upward = [f"{a} imports {b}" for a, targets in edges.items() for b in targets if _stage(b) > _stage(a)]
    assert upward == []


def test_the_check_sees_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
