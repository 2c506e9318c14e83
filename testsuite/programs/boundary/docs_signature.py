# Exported functions keep their docstrings, names and text signatures.
# pyaot: run documented(2)
# pyaot: run undocumented(2.0)
# pyaot: check inspect.cleandoc(m.documented.__doc__) == "Return twice x.\n\nA longer paragraph."
# pyaot: check m.documented.__name__ == "documented"
# pyaot: check m.undocumented.__doc__ is None
# pyaot: check m.with_defaults.__doc__ == "Weighted sum."
# pyaot: check str(inspect.signature(m.documented)) == "(x)"
# pyaot: check str(inspect.signature(m.undocumented)) == "(y)"
# pyaot: check str(inspect.signature(m.with_defaults)) == "(a, b=2, w=0.5, neg=False)"
# pyaot: check str(inspect.signature(m.no_params)) == "()"
# pyaot: check list(inspect.signature(m.with_defaults).parameters) == ["a", "b", "w", "neg"]
# pyaot: check [p.default for p in inspect.signature(m.with_defaults).parameters.values()][1:] == [2, 0.5, False]
# pyaot: check m.helper(3) == 6 and not inspect.isbuiltin(m.helper)
# pyaot: check callable(m.no_params) and m.no_params() == 7
# pyaot: run with_defaults(1)
# pyaot: run with_defaults(1, w=-1.0, neg=True)


def documented(x: int) -> int:
    """Return twice x.

    A longer paragraph."""
    return helper(x)


def undocumented(y: float) -> float:
    return y


def with_defaults(a: int, b: int = 2, w: float = 0.5, neg: bool = False) -> float:
    """Weighted sum."""
    s = a + w * b
    return -s if neg else s


def no_params() -> int:
    return 7


def helper(x):
    return x * 2
