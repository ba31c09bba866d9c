"""Loads a module of scripts/blind5 under its own name, for the modules blind6 shares with it."""
import importlib.util
import os


def blind5(module):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "blind5", module + ".py")
    spec = importlib.util.spec_from_file_location("blind5_" + module, path)
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


def export(module, into):
    """Copies a loaded module's names (not its dunders) into a namespace."""
    into.update({k: v for k, v in vars(module).items() if not k.startswith("__")})
