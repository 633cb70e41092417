"""Only what pyproject.toml cannot say: the top-level resources/ folder is installed as the package
`gridboard.resources` (gridboard/bundled.py reads it), so nothing named `resources` lands in
site-packages. Everything else about the package is in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["gridboard", "gridboard.*"]), "gridboard.resources"],
    package_dir={"gridboard.resources": "resources"},
)
