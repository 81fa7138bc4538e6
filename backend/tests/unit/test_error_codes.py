"""Every error code a client can see is declared once, in `app.errors.ErrorCode`, and drawn in
its module's tree: a code typed anywhere else would reach the studio as a code its generated
union does not know."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import app
from app import errors
from app.errors import ErrorCode, ReelsmithError

APP = Path(app.__file__).parent
DECLARED = {code.value for code in ErrorCode}


def _emitted(node: ast.AST) -> list[ast.expr]:
    """Expressions that become an error's code (or a field error's type) in what we send."""
    found: list[ast.expr] = []
    if isinstance(node, ast.ClassDef):  # an error class's `code = ...`
        for statement in node.body:
            if isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
                targets = (
                    statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                )
                if any(isinstance(t, ast.Name) and t.id == "code" for t in targets):
                    found.append(statement.value)
    elif isinstance(node, ast.Call):
        found += [kw.value for kw in node.keywords if kw.arg == "code"]
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name == "RequestRefused" and len(node.args) > 1:
            found.append(node.args[1])
        if name == "failure" and node.args:
            found.append(node.args[0])
    elif isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values, strict=True):
            if isinstance(key, ast.Constant) and key.value == "code":
                found.append(value)
            refusal = isinstance(value, ast.Constant) and str(value.value).endswith("_refused")
            if isinstance(key, ast.Constant) and key.value == "type" and refusal:
                found.append(value)
    return found


def _problem(expr: ast.expr) -> str | None:
    """None when `expr` is a declared code or passes one on; else what is wrong with it."""
    match expr:
        case ast.Constant(value=str(value)):
            return None if value in DECLARED else f"{value!r} is not declared in ErrorCode"
        case ast.Attribute(value=ast.Name(id="ErrorCode"), attr=member):
            return None if member in ErrorCode.__members__ else f"ErrorCode.{member} does not exist"
        case ast.Attribute(value=ast.Attribute(value=ast.Name(id="ErrorCode")), attr="value"):
            return _problem(expr.value)  # type: ignore[attr-defined]
        case ast.Attribute(attr="code"):
            return None  # another error's code, passed on
        case ast.Name(id="code"):
            return None  # a parameter typed ErrorCode (mypy checks the callers)
        case ast.IfExp(body=body, orelse=orelse):
            return _problem(body) or _problem(orelse)
    return f"a code built at run time ({ast.unparse(expr)}); use an ErrorCode member"


def test_every_code_the_backend_emits_is_declared() -> None:
    problems = []
    for path in sorted(APP.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            for expr in _emitted(node):
                problem = _problem(expr)
                if problem:
                    problems.append(f"{path.relative_to(APP.parent)}:{expr.lineno}: {problem}")
    assert problems == []


def test_the_check_catches_an_undeclared_code() -> None:
    # The walk itself: a code typed as a string and one made at run time are both caught.
    source = 'raise RequestRefused(400, "body_too_weird", "x")\ninfo(code=f"http_{s}")'
    tree = ast.parse(source)
    found = [_problem(expr) for node in ast.walk(tree) for expr in _emitted(node)]
    assert found[0] == "'body_too_weird' is not declared in ErrorCode"
    assert found[1] is not None and "run time" in found[1]


def test_the_module_tree_lists_every_code() -> None:
    tree = errors.__doc__ or ""
    assert [code for code in DECLARED if code not in tree] == []


def test_every_domain_error_has_a_declared_code() -> None:
    for module in pkgutil.walk_packages(app.__path__, "app."):
        if module.name not in ("app.main", "app.cli"):
            importlib.import_module(module.name)
    classes, todo = [], [ReelsmithError]
    while todo:
        cls = todo.pop()
        classes.append(cls)
        todo += cls.__subclasses__()
    assert len(classes) > 20
    assert [cls.__name__ for cls in classes if not isinstance(cls.code, ErrorCode)] == []
