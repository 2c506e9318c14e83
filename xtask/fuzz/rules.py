"""The rule tables of the generator and the two entry points that draw from them.

An expression rule makes an expression of a requested type; a statement rule makes statements.
Rules are registered with a decorator that names their feature (for `--avoid`) and a weight:

    @expr("math", weight=2, types=("float",))
    def math_call(fx, ty, depth): ...   # returns an AST expression of type ty, or None

    @stmt("while", weight=2, compound=True)
    def while_loop(fx, depth): ...      # returns a list of AST statements, or None

Returning None means "not possible here" and another rule is drawn.
"""

import features
from astx import ty_of


class Rule:
    """One registered rule and when it may be drawn."""

    def __init__(self, fn, feature, weight, types, leaf, compound):
        self.fn = fn
        self.feature = feature
        self.weight = weight
        self.types = types
        self.leaf = leaf
        self.compound = compound

    def accepts(self, ty):
        if self.types is None:
            return True
        if callable(self.types):
            return self.types(ty)
        return ty in self.types


EXPR_RULES = []
STMT_RULES = []


def expr(feature, weight=1, types=None, leaf=False):
    """Registers an expression rule; `leaf` rules need no sub-expressions (used at depth 0)."""

    def register(fn):
        _known(feature)
        EXPR_RULES.append(Rule(fn, feature, weight, types, leaf, False))
        return fn

    return register


def stmt(feature, weight=1, compound=False):
    """Registers a statement rule; `compound` rules hold blocks and need depth left."""

    def register(fn):
        _known(feature)
        STMT_RULES.append(Rule(fn, feature, weight, None, False, compound))
        return fn

    return register


def _known(feature):
    if feature not in features.FEATURES:
        raise ValueError(f"feature `{feature}` of a rule is not described in features.py")


class NoExpression(Exception):
    """No rule could make an expression of the requested type (a generator bug)."""


def _draw(rng, rules):
    total = sum(r.weight for r in rules)
    x = rng.random() * total
    for r in rules:
        x -= r.weight
        if x < 0:
            return r
    return rules[-1]


def gen_expr(fx, ty, depth):
    """An expression of type `ty`, at most `depth` levels of rules deep."""
    rules = [r for r in EXPR_RULES if r.accepts(ty) and fx.on(r.feature) and (r.leaf or depth > 0)]
    while rules:
        rule = _draw(fx.rng, rules)
        node = rule.fn(fx, ty, depth - 1)
        if node is not None:
            if ty_of(node) != ty:
                raise AssertionError(f"rule {rule.fn.__name__} made {ty_of(node)} for {ty}")
            return node
        rules.remove(rule)
    raise NoExpression(f"no expression of type {ty}")


def gen_stmt(fx, depth):
    """One statement rule's output (a list of statements)."""
    rules = [r for r in STMT_RULES if fx.on(r.feature) and (depth > 0 or not r.compound)]
    while rules:
        rule = _draw(fx.rng, rules)
        out = rule.fn(fx, depth - 1)
        if out is not None:
            return out
        rules.remove(rule)
    return []


def gen_block(fx, n, depth):
    """The statements of n drawn statement rules, in order."""
    body = []
    for _ in range(n):
        body.extend(gen_stmt(fx, depth))
    return body
