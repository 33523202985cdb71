"""
The import graph is the architecture: no circle, and no arrow against the layers.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import interviewprep

PACKAGE = Path(interviewprep.__file__).parent

#: The layers, bottom first, as documented in the package docstring.
LAYERS: list[set[str]] = [
    {
        "exceptions",
        "_vocabulary",
        "_durations",
        "_schedule",
        "_words",
        "_regex",
        "_distribution",
        "_languages",
        "_catalogue",
        "_suggest",
        "_selection",
    },
    {"_model", "_convert", "_schema"},
    {"_filesystem", "_locate", "_cache", "_files", "_interview", "_toml"},
    {"_entrypoints", "_loading", "_partial", "_discovery"},
    {"_resolve", "_library", "_validation"},
    {
        "_matching",
        "_planning",
        "_stories",
        "_assessment",
        "scorers",
        "_practice",
        "_provenance",
        "_calibration",
    },
    {"_rendering"},
    {"_cli", "__main__", "_scaffold", "_migrate", "pytest_plugin", "testing"},
]


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE).with_suffix("")
    parts = [p for p in relative.parts if p != "__init__"]
    return ".".join(parts)


def _top(name: str) -> str:
    """The layer unit of a module: a subpackage counts as one module."""
    return name.split(".")[0]


def import_graph() -> dict[str, set[str]]:
    """Every import between the package's modules (top-level, in functions, typing-only)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "_packs" in path.parts:
            continue
        module = _module_name(path)
        if not module:
            continue  # the package's __init__ only re-exports
        package_parts = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
        targets = graph.setdefault(module, set())
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package_parts[: len(package_parts) - (node.level - 1)]
                    if node.module:
                        targets.add(".".join([*base, node.module]))
                    else:
                        targets.update(".".join([*base, alias.name]) for alias in node.names)
                elif node.module and node.module.startswith("interviewprep."):
                    targets.add(node.module.removeprefix("interviewprep."))
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("interviewprep."):
                        targets.add(alias.name.removeprefix("interviewprep."))
        targets.discard(module)
        targets.discard("")
    return graph


def _layer(module: str) -> int:
    for index, layer in enumerate(LAYERS):
        if _top(module) in layer:
            return index
    pytest.fail(f"module {module!r} is in no layer: add it to the package docstring and LAYERS")


class TestImportGraph:
    def test_every_module_has_a_layer(self) -> None:
        """Every module of the package is placed in a documented layer."""
        for module in import_graph():
            _layer(module)

    def test_layers_are_documented(self) -> None:
        """The package docstring names every module of every layer."""
        doc = interviewprep.__doc__ or ""
        for layer in LAYERS:
            for module in layer - {"__main__"}:
                assert f"``{module}``" in doc, module

    def test_no_arrow_points_up(self) -> None:
        """A module imports only from its own layer or the layers below."""
        wrong = [
            f"{module} (layer {_layer(module)}) imports {target} (layer {_layer(target)})"
            for module, targets in import_graph().items()
            for target in targets
            if _layer(target) > _layer(module)
        ]
        assert wrong == []

    def test_no_circle(self) -> None:
        """The modules import each other without a circle (through any kind of import)."""
        graph = {
            _top(module): {_top(t) for t in targets} - {_top(module)}
            for module, targets in import_graph().items()
        }
        merged: dict[str, set[str]] = {}
        for module, targets in graph.items():
            merged.setdefault(module, set()).update(targets)
        state: dict[str, int] = {}
        stack: list[str] = []

        def visit(node: str) -> None:
            state[node] = 1
            stack.append(node)
            for target in sorted(merged.get(node, ())):
                if state.get(target) == 1:
                    circle = [*stack[stack.index(target) :], target]
                    pytest.fail("import circle: " + " -> ".join(circle))
                if target not in state:
                    visit(target)
            stack.pop()
            state[node] = 2

        for node in sorted(merged):
            if node not in state:
                visit(node)

    def test_converter_imports_only_the_model(self) -> None:
        """The converter registers hooks by predicate: it imports the model and nothing above."""
        allowed = {"_model", "_durations", "exceptions", "_vocabulary", "_suggest"}
        assert import_graph()["_convert"] <= allowed


class TestPublicNames:
    def _init_tree(self) -> ast.Module:
        return ast.parse((PACKAGE / "__init__.py").read_text("utf-8"))

    def test_table_all_and_typing_imports_agree(self) -> None:
        """__all__, the lazy-loading table and the type-checking imports name the same things."""
        tree = self._init_tree()
        typing_imports: dict[str, str] = {}
        table: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
                for statement in node.body:
                    assert isinstance(statement, ast.ImportFrom)
                    module = "." * statement.level + (statement.module or "")
                    for alias in statement.names:
                        typing_imports[alias.name] = module
            if isinstance(node, ast.AnnAssign) and ast.unparse(node.target) == "_PUBLIC":
                assert isinstance(node.value, ast.Dict)
                table = {
                    ast.literal_eval(k): ast.literal_eval(v)  # type: ignore[arg-type]
                    for k, v in zip(node.value.keys, node.value.values, strict=True)
                }
        assert typing_imports == table
        assert set(interviewprep.__all__) - {"__version__"} == set(table)

    @pytest.mark.parametrize("name", sorted(set(interviewprep.__all__) - {"__version__"}))
    def test_every_public_name_is_documented(self, name: str) -> None:
        """Every public name appears in the API reference."""
        root = Path(__file__).parent.parent / "docs" / "reference"
        text = "\n".join(p.read_text("utf-8") for p in root.glob("*.md"))
        assert re.search(rf"interviewprep\.{re.escape(name)}\b", text), name
