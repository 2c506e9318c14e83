def f(n: int) -> int:
    raise MyError("bad")
