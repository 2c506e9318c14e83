"""setuptools integration: compile a project's kernels with pyaot when its wheel is built.

In ``setup.py``::

    from setuptools import setup
    from pyaot.setuptools import build_ext, extensions

    setup(ext_modules=extensions(), cmdclass={"build_ext": build_ext})

with the modules listed in ``pyproject.toml``::

    [build-system]
    requires = ["setuptools>=61", "pyaot"]
    build-backend = "setuptools.build_meta"

    [tool.pyaot]
    modules = ["src/mypkg/kernels.py"]   # files, or packages (directories) to compile whole
    fastmath = false                       # the `pyaot build` options, by their long names
    allow-python = false
    abi3 = false                           # one .abi3.so per module (also `limited-api`)

``python -m build`` or ``pip wheel .`` then runs ``pyaot build`` for each module, for the
interpreter that builds the wheel, and puts the extension (and its ``.pyi`` stub) where the
source would have been installed. ``PyaotExtension(name, source)`` can also be listed by hand.
"""

import os
import shutil
import subprocess
import sys
import sysconfig

from setuptools import Extension
from setuptools.command.build_ext import build_ext as _build_ext

__all__ = ["PyaotExtension", "build_ext", "extensions", "find_pyaot"]

# `[tool.pyaot]` keys that become `pyaot build` flags, with how.
_FLAGS = {
    "fastmath": "--fastmath",
    "allow-python": "--allow-python",
    "abi3": "--abi3",
    "limited-api": "--abi3",
}
_VALUES = {
    "boundscheck": "--boundscheck",
    "opt-level": "-O",
    "target-cpu": "--target-cpu",
}


class PyaotExtension(Extension):
    """An extension module compiled by pyaot from one Python source file.

    ``name`` is the module's dotted name (``mypkg.kernels``); ``source`` the ``.py`` file;
    ``options`` the ``[tool.pyaot]`` settings (``fastmath=True``, ``allow_python=True``, ...).
    """

    def __init__(self, name, source, **options):
        options = {k.replace("_", "-"): v for k, v in options.items()}
        abi3 = bool(options.get("abi3") or options.get("limited-api"))
        # A stable-ABI module is named NAME.abi3.so; the wheel's tag comes from bdist_wheel's
        # py_limited_api option (`[bdist_wheel] py_limited_api = cp311` in setup.cfg).
        super().__init__(name, sources=[], py_limited_api=abi3)
        self.pyaot_source = os.fspath(source)
        self.pyaot_options = options


def find_pyaot():
    """The `pyaot` command: `$PYAOT`, the one beside this interpreter, else the one on PATH."""
    env = os.environ.get("PYAOT")
    if env:
        return env
    scripts = os.path.dirname(sys.executable)
    for candidate in (os.path.join(scripts, "pyaot"), shutil.which("pyaot")):
        if candidate and os.path.exists(candidate):
            return candidate
    raise RuntimeError(
        "the `pyaot` command is not installed: add \"pyaot\" to [build-system] requires "
        "in pyproject.toml (or set PYAOT to the command)"
    )


def _options_flags(options):
    flags = []
    for key, value in sorted(options.items()):
        if key in _FLAGS:
            if value:
                flags.append(_FLAGS[key])
        elif key in _VALUES:
            flag = _VALUES[key]
            flags.append(f"{flag}{value}" if flag == "-O" else flag)
            if flag != "-O":
                flags.append(str(value).lower() if isinstance(value, bool) else str(value))
        elif key != "modules":
            raise ValueError(f"[tool.pyaot]: unknown setting `{key}`")
    return flags


class build_ext(_build_ext):
    """`build_ext` that compiles `PyaotExtension`s with pyaot (other extensions as usual)."""

    def build_extension(self, ext):
        if not isinstance(ext, PyaotExtension):
            return super().build_extension(ext)
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        stem = ext.name.rsplit(".", 1)[-1]
        source_stem = os.path.splitext(os.path.basename(ext.pyaot_source))[0]
        if stem != source_stem:
            raise ValueError(f"module `{ext.name}` must come from a file named {stem}.py, "
                             f"not {ext.pyaot_source}")
        # pyaot's own output directory persists in the build tree: an unchanged module is not
        # built again (pyaot compares the source, options, compiler and interpreter).
        out = os.path.join(self.build_temp, "pyaot", *ext.name.split(".")[:-1])
        os.makedirs(out, exist_ok=True)
        cmd = [find_pyaot(), "build", ext.pyaot_source, "-o", out, "--python", sys.executable]
        cmd += _options_flags(ext.pyaot_options)
        if self.force:
            cmd.append("--force")
        self.announce(" ".join(cmd), level=2)
        subprocess.run(cmd, check=True)
        suffix = ".abi3.so" if ext.py_limited_api else sysconfig.get_config_var("EXT_SUFFIX")
        shutil.copyfile(os.path.join(out, stem + suffix), target)
        stub = os.path.join(out, stem + ".pyi")
        if os.path.exists(stub):
            shutil.copyfile(stub, os.path.join(os.path.dirname(target), stem + ".pyi"))


def _read_config(root):
    path = os.path.join(root, "pyproject.toml")
    if not os.path.exists(path):
        return {}
    try:
        import tomllib
    except ImportError:  # Python before 3.11
        import tomli as tomllib
    with open(path, "rb") as f:
        return tomllib.load(f).get("tool", {}).get("pyaot", {})


def _module_name(path, root):
    """The dotted name of the module in file `path`: its packages (directories with an
    `__init__.py`) above it, below `src/` when the project uses that layout."""
    parts = [os.path.splitext(os.path.basename(path))[0]]
    d = os.path.dirname(os.path.abspath(path))
    while os.path.exists(os.path.join(d, "__init__.py")) and d != os.path.abspath(root):
        parts.append(os.path.basename(d))
        d = os.path.dirname(d)
    return ".".join(reversed(parts))


def extensions(root="."):
    """The `PyaotExtension`s of `[tool.pyaot] modules` in `root/pyproject.toml`: each file, and
    each module of each package directory (but `__init__.py`)."""
    config = _read_config(root)
    options = {k: v for k, v in config.items() if k != "modules"}
    _options_flags(options)  # unknown settings fail here, before anything is built
    out = []
    for entry in config.get("modules", []):
        path = os.path.join(root, entry)
        if os.path.isdir(path):
            files = sorted(
                os.path.join(dirpath, f)
                for dirpath, _, names in os.walk(path)
                for f in names
                if f.endswith(".py") and f != "__init__.py"
            )
        else:
            files = [path]
        for f in files:
            out.append(PyaotExtension(_module_name(f, root), f, **options))
    return out
