from setuptools import setup

from pyaot.setuptools import build_ext, extensions

setup(ext_modules=extensions(), cmdclass={"build_ext": build_ext})
