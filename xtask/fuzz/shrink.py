"""Minimising a finding: smaller programs that still fail the same way (same signature).

Every one-step reduction of the current program is an edit: drop a parameter, a function or a
statement; replace an `if` or a loop by its body; replace an expression by a sub-expression or a
literal of the same type (the generator's `_ty` on each node says which fit); simplify an argument.
Edits are built a chunk at a time, each as its own program in one module. The edits of a chunk that
still fail are then tried all together, and the result (or the first of them) becomes the program.
"""

import ast
import copy
import itertools
import os
import time

import argtext
import build
import execute
from astx import literal, ty_of, tuple_expr
from progen import Program
from typesys import is_scalar, is_tuple

_ids = itertools.count(1_000_000)
CHUNK = 32


def renamed(program, funcs=None, call_args=None):
    """A copy of program under a fresh index (so that candidates can share a module)."""
    new = next(_ids)
    old_prefix, new_prefix = program.prefix, f"p{new}_"
    funcs = copy.deepcopy(funcs if funcs is not None else program.funcs)
    for node in (n for f in funcs for n in ast.walk(f)):
        if isinstance(node, ast.FunctionDef) and node.name.startswith(old_prefix):
            node.name = new_prefix + node.name[len(old_prefix):]
        elif isinstance(node, ast.Name) and node.id.startswith(old_prefix):
            node.id = new_prefix + node.id[len(old_prefix):]
    args = program.calls[0] if call_args is None else call_args
    return Program(program.seed, new, funcs, program.params, program.defaults, [args])


def _sites(funcs):
    """(parent, field, index, node) of every AST node below the functions, in pre-order."""
    out = []

    def visit(parent, field, index, node):
        out.append((parent, field, index, node))
        for name, value in ast.iter_fields(node):
            if isinstance(value, list):
                for i, v in enumerate(value):
                    if isinstance(v, ast.AST):
                        visit(node, name, i, v)
            elif isinstance(value, ast.AST):
                visit(node, name, None, value)

    for f in funcs:
        visit(None, None, None, f)
    return out


def _replace(parent, field, index, new):
    if index is None:
        setattr(parent, field, new)
    else:
        getattr(parent, field)[index] = new


def _constants(ty):
    if is_scalar(ty) and ty not in ("T", "str"):
        return [literal(ty, v) for v in ((False, True) if ty in ("bool", "b1") else (0, 1))]
    if is_tuple(ty) and all(is_scalar(t) for t in ty[1]):
        return [tuple_expr([literal(t, 0 if t not in ("bool", "b1") else False) for t in ty[1]], ty)]
    return []


def _edits(funcs):
    """Edits as (site number, how) pairs, biggest first; `how` applies to a fresh copy's site."""
    sites = _sites(funcs)
    number = {id(site[3]): k for k, site in enumerate(sites)}
    drops, unwraps, exprs = [], [], []
    for k, (parent, field, index, node) in enumerate(sites):
        if parent is None and node is not funcs[-1]:
            drops.append((k, "drop-function"))
        if isinstance(node, ast.stmt) and index is not None and field in ("body", "orelse"):
            drops.append((k, "drop"))
        if isinstance(node, (ast.If, ast.For, ast.While)):
            unwraps.append((k, "body"))
            if node.orelse:
                unwraps += [(k, "orelse"), (k, "no-else")]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in (
                "empty", "empty_like"):
            unwraps.insert(0, (k, "zeros"))
        ty = ty_of(node)
        if ty is None or isinstance(getattr(node, "ctx", None), ast.Store):
            continue
        subs = [d for d in ast.walk(node) if d is not node and ty_of(d) == ty]
        exprs += [(k, ("sub", number[id(d)])) for d in subs[:6]]
        exprs += [(k, ("const", j)) for j in range(len(_constants(ty)))]
    return drops + unwraps + exprs


def _apply(funcs, edits):
    """A copy of funcs with the edits [(site number, how)] applied, last site first so that the
    site numbers of the others stay right."""
    funcs = copy.deepcopy(funcs)
    sites = _sites(funcs)
    for k, how in sorted(edits, key=lambda e: -e[0]):
        _apply_one(funcs, sites, k, how)
    return funcs


def _apply_one(funcs, sites, k, how):
    parent, field, index, node = sites[k]
    if how == "drop-function":
        funcs.remove(node)
    elif how == "drop":
        body = getattr(parent, field)
        del body[index]
        if not body and field == "body":
            body.append(ast.Pass())
    elif how in ("body", "orelse"):
        getattr(parent, field)[index:index + 1] = node.body if how == "body" else node.orelse
    elif how == "no-else":
        node.orelse = []
    elif how == "zeros":
        node.func.attr = node.func.attr.replace("empty", "zeros")
    elif how[0] == "sub":
        _replace(parent, field, index, sites[how[1]][3])
    else:
        _replace(parent, field, index, _constants(ty_of(node))[how[1]])


def _empty_filled(funcs):
    """Every `np.empty` assignment is still followed by its fill loop (else results are garbage)."""
    for _, _, _, node in _sites(funcs):
        for field in ("body", "orelse"):
            body = getattr(node, field, None)
            if not isinstance(body, list):
                continue
            for i, s in enumerate(body):
                if isinstance(s, ast.Assign) and isinstance(s.value, ast.Call) and isinstance(
                        s.value.func, ast.Attribute) and s.value.func.attr in ("empty", "empty_like"):
                    if i + 1 >= len(body) or not isinstance(body[i + 1], ast.For):
                        return False
    return True


def _param_drops(program):
    """Edits that drop one parameter of the entry: its argument becomes a local, or goes."""
    args = argtext.split(program.calls[0])
    for j in range(len(program.funcs[-1].args.args)):
        if args is not None and j < len(args) and "=" not in args[j].split("(")[0]:
            yield ("param", j, True)
            yield ("param", j, False)


def _drop_param(program, j, keep_as_local):
    args = argtext.split(program.calls[0])
    funcs = copy.deepcopy(program.funcs)
    fn = funcs[-1]
    param = fn.args.args.pop(j)
    first_default = len(fn.args.args) + 1 - len(fn.args.defaults)
    if j >= first_default:
        del fn.args.defaults[j - first_default]
    if keep_as_local:
        value = argtext.as_literal(args[j], program.params[j][1] if j < len(program.params) else None)
        if value is None:
            return None
        fn.body.insert(0, ast.Assign(targets=[ast.Name(id=param.arg, ctx=ast.Store())], value=value))
    p = renamed(program, funcs, ", ".join(args[:j] + args[j + 1:]))
    p.params = program.params[:j] + program.params[j + 1:]
    return p


def edit_list(program):
    """Every one-step reduction of program, as a cheap description (see materialise)."""
    edits = list(_param_drops(program))
    edits += [("edit", k, how) for k, how in _edits(program.funcs)]
    edits += [("args", text) for text in argtext.simpler_args(program.calls[0])]
    return edits


def size(program):
    """What minimising makes smaller: AST nodes, then characters (functions and arguments)."""
    nodes = sum(1 for f in program.funcs for _ in ast.walk(f))
    arg_nodes = sum(1 for _ in ast.walk(ast.parse(f"f({program.calls[0]})", mode="eval")))
    chars = len(program.source().replace(program.prefix, "")) + len(program.calls[0])
    return nodes + arg_nodes, chars


def materialise(program, edit):
    """The program an edit describes, or None when it is not a smaller, sensible program."""
    if edit[0] == "param":
        cand = _drop_param(program, edit[1], edit[2])
    elif edit[0] == "args":
        cand = renamed(program, call_args=edit[1])
    else:
        cand = _edited(program, [edit[1:]])
    return cand if cand is not None and size(cand) < size(program) else None


def _edited(program, edits):
    funcs = _apply(program.funcs, edits)
    return renamed(program, funcs) if _empty_filled(funcs) else None


def _reproduces(finding, verdict):
    if finding.kind == "mismatch":
        return verdict.get("status") == "mismatch" and verdict.get("sig") == finding.sig
    return verdict.get("status") in ("crash", "hang") and verdict.get("sig") == finding.sig


def _failing(cfg, finding, chunk, workdir, name, deadline):
    """{position in chunk: verdict} of the programs of chunk that fail like the finding (before
    the deadline: calls still waiting then are not run)."""
    outcome = build.build(cfg, chunk, workdir, name)
    index = {p.index: i for i, p in enumerate(chunk)}
    if finding.kind == "compiler":
        return {index[p.index]: dict(finding.verdict) for p, sig, _ in outcome.crashed if sig == finding.sig}
    hits = {}
    for built in outcome.built:
        progs = built.module.programs
        for p, v in zip(progs, execute.run_calls(cfg, built, [p.call_text(0) for p in progs], deadline)):
            if _reproduces(finding, v):
                hits[index[p.index]] = v
    return hits


def minimize(cfg, finding):
    """(program, call text, verdict) of the smallest failing program found in the time allowed.

    Edits are tried in order, a chunk at a time; after a success the walk goes on from the same
    position of the new program's list (earlier edits mostly failed already), wrapping around,
    until a whole lap brings nothing.
    """
    start = time.monotonic()
    deadline = start + cfg.minimize_seconds
    call = finding.call if finding.call is not None else 0
    program = renamed(finding.program, call_args=finding.program.calls[call] if finding.program.calls else "")
    best_verdict = finding.verdict
    workdir = os.path.join(cfg.workdir, f"min{program.index}")
    os.makedirs(workdir, exist_ok=True)
    chunk_size = 1 if finding.kind == "compiler" else CHUNK  # a crash stops a whole build
    edits, pos, fruitless, rounds = edit_list(program), 0, 0, 0
    while fruitless < len(edits) and time.monotonic() - start < cfg.minimize_seconds:
        pos %= len(edits)
        chunk = edits[pos:pos + chunk_size]
        cands = [(c, i) for i, c in enumerate(materialise(program, e) for e in chunk) if c is not None]
        rounds += 1
        hits = _failing(cfg, finding, [c for c, _ in cands], workdir, f"m{program.index}_{rounds}", deadline)
        if not hits:
            pos += len(chunk)
            fruitless += len(chunk)
            continue
        first = min(hits)
        accepted = (cands[first][0], hits[first])
        # The edits of a chunk that fail usually combine: try all of them, and the first
        # three quarters, half, quarter of them, in one module; take the biggest that fails.
        hit_edits = [chunk[cands[h][1]] for h in sorted(hits)]
        sizes = sorted({len(hit_edits), len(hit_edits) * 3 // 4, len(hit_edits) // 2, len(hit_edits) // 4, 2},
                       reverse=True)
        combos = [c for c in (_combined(program, hit_edits[:n]) for n in sizes if n >= 2) if c is not None]
        if combos:
            rounds += 1
            again = _failing(cfg, finding, combos, workdir, f"m{program.index}_{rounds}", deadline)
            if again:
                accepted = (combos[min(again)], again[min(again)])
        program, best_verdict = accepted
        pos += cands[first][1]
        edits, fruitless = edit_list(program), 0
    return program, program.call_text(0), best_verdict


def _combined(program, edits):
    """One program with all these edits (one per site, code edits only), or None when under two."""
    by_site = {}
    for e in edits:
        if e[0] == "edit" and e[1] not in by_site:
            by_site[e[1]] = e[1:]
    return _edited(program, list(by_site.values())) if len(by_site) > 1 else None
