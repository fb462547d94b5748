"""The package's layers: imports point down only, and no two modules import each other.

    foundation   config, extensions
    core         content, edition, search, comments, editors: no request, no g, no templates
    http         caching, security, limits, operations, errors, live reload
    web          the pages, files and API
    cli          the flask commands
    (top)        the app factory, scorecard/__init__.py

Every import counts, at the top of a module or inside a function: a lazy import that
goes up is still a dependency that goes up.
"""

import ast
from pathlib import Path

from scorecard.config import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "site" / "scorecard"
LAYERS = ["foundation", "core", "http", "web", "cli", "top"]
FOUNDATION = {"scorecard.config", "scorecard.extensions"}
# What only a request or a page has: core works without both.
NOT_IN_CORE = {"request", "g", "session", "render_template", "render_template_string"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> str:
    if module in FOUNDATION:
        return "foundation"
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else "top"


def _resolve(module: str, node: ast.ImportFrom) -> str:
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


def imports(module: str) -> dict[str, set[str]]:
    """The package's modules this module imports, each with the names it takes from them."""
    found: dict[str, set[str]] = {}
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("scorecard"):
                    found.setdefault(alias.name, set())
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, node) if node.level else node.module or ""
            if not base.startswith("scorecard"):
                continue
            for alias in node.names:
                # `from . import caching` names a module; `from .edition import Edition` a name.
                target = f"{base}.{alias.name}"
                if target in MODULES:
                    found.setdefault(target, set())
                else:
                    found.setdefault(base, set()).add(alias.name)
    return found


GRAPH = {module: imports(module) for module in MODULES}


def test_the_walk_sees_the_package():
    assert {"scorecard", "scorecard.core.edition", "scorecard.web.pages"} <= set(GRAPH)
    assert "scorecard.core.edition" in GRAPH["scorecard.http.current"]


def test_imports_point_down_the_layers():
    upward = [
        f"{module} ({layer(module)}) imports {target} ({layer(target)})"
        for module, targets in GRAPH.items()
        for target in targets
        if target in MODULES and LAYERS.index(layer(target)) > LAYERS.index(layer(module))
    ]
    assert upward == []


def test_the_core_reads_no_request_and_renders_no_template():
    taken = {
        module: {
            alias.name
            for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8")))
            if isinstance(node, ast.ImportFrom) and node.module == "flask"
            for alias in node.names
        }
        & NOT_IN_CORE
        for module in MODULES
        if layer(module) == "core"
    }
    assert {module: names for module, names in taken.items() if names} == {}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_modules_import_each_other():
    graph = {module: set(targets) for module, targets in GRAPH.items()}
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
