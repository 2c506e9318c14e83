def greet(n: int) -> int:
    s = "hello"
    return n
