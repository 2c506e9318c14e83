from pyaot import cuda


@cuda.kernel
def labels(names: list[str]):
    pass
