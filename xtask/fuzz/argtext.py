"""The argument text of a run line, taken apart: for dropping and simplifying arguments while minimising."""

import ast
import math

import numpy as np

from astx import INT64_MAX, INT64_MIN, literal
from typesys import is_scalar

NAMESPACE = {"np": np, "math": math, "inf": math.inf, "nan": math.nan}


def split(args_text):
    """The texts of the arguments (`name=value` for keywords), or None when it does not parse."""
    try:
        call = ast.parse(f"f({args_text})", mode="eval").body
    except SyntaxError:
        return None
    return [ast.unparse(a) for a in call.args] + [f"{k.arg}={ast.unparse(k.value)}" for k in call.keywords]


def as_literal(text, ty):
    """The argument as a literal of compiled code (scalars only), or None."""
    if ty is None or not is_scalar(ty):
        return None
    try:
        value = eval(text, dict(NAMESPACE))  # noqa: S307, text the fuzzer wrote
    except Exception:  # noqa: BLE001
        return None
    if ty == "int" and not INT64_MIN <= value <= INT64_MAX:
        return None
    return literal(ty, value.item() if hasattr(value, "item") else value)


def _simpler(node):
    """Simpler forms of one argument expression, same type."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "readonly":
        yield node.args[0]
    if isinstance(node, ast.Subscript) or (isinstance(node, ast.Attribute) and node.attr == "T"):
        yield node.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == "array" and node.args and isinstance(node.args[0], ast.List):
            elts = node.args[0].elts
            for i in range(len(elts)):
                shorter = ast.List(elts=elts[:i] + elts[i + 1:], ctx=ast.Load())
                yield ast.Call(func=node.func, args=[shorter] + node.args[1:], keywords=node.keywords)
            for i, e in enumerate(elts):
                for s in _simpler(e):
                    yield ast.Call(func=node.func, args=[ast.List(elts=elts[:i] + [s] + elts[i + 1:], ctx=ast.Load())]
                                   + node.args[1:], keywords=node.keywords)
        elif node.func.attr != "array" and len(node.args) == 1:
            for s in _simpler(node.args[0]):
                yield ast.Call(func=node.func, args=[s], keywords=node.keywords)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "complex" and len(
            node.args) == 2:
        for i, part in enumerate(node.args):
            for s in _simpler(part):
                args = list(node.args)
                args[i] = s
                yield ast.Call(func=node.func, args=args, keywords=[])
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        # Not for -2**63, whose operand is outside int64 (an argument no int parameter takes).
        operand = node.operand
        if not (isinstance(operand, ast.Constant) and type(operand.value) is int and operand.value > INT64_MAX):
            yield operand
    if isinstance(node, ast.Name) and node.id in ("inf", "nan"):
        yield ast.Constant(1.0)
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        for v in (0, 1):
            if node.value != v:
                yield ast.Constant(type(node.value)(v))


def simpler_args(args_text):
    """Argument texts with one argument made simpler."""
    args = split(args_text)
    if args is None:
        return
    for i, text in enumerate(args):
        key, _, value = text.partition("=") if "=" in text.split("(")[0] else ("", "", text)
        prefix = f"{key}=" if key else ""
        for s in _simpler(ast.parse(value, mode="eval").body):
            yield ", ".join(args[:i] + [prefix + ast.unparse(s)] + args[i + 1:])
