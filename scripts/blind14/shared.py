"""Loads the identifier generators and validators of scripts/blind5 and the name pools of scripts/blind6.

blind14 uses them through their public functions only: ids.* makes identifiers, check.* validates them
(written separately from the generators), names.* holds invented given-name and surname pools.
"""
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def _load(folder, module):
    path = os.path.join(HERE, "..", folder, module + ".py")
    spec = importlib.util.spec_from_file_location(f"blind14_{folder}_{module}", path)
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


ids = _load("blind5", "ids")
check = _load("blind5", "check")
names = _load("blind6", "names")
