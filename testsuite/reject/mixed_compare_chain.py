from pyaot import i32


def mixed(x: int, y: int, z: i32) -> bool:
    return x < y < z
