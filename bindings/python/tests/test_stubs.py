"""The type stubs (gln/__init__.pyi) say what the package has: the same public names, the
same parameters with the same defaults, the same enum members."""

import ast
import enum
import inspect
import pathlib

import gln

STUB = ast.parse((pathlib.Path(gln.__file__).with_name("__init__.pyi")).read_text())


def stub_functions():
    return {node.name: node for node in STUB.body if isinstance(node, ast.FunctionDef)}


def stub_classes():
    return {node.name: node for node in STUB.body if isinstance(node, ast.ClassDef)}


def test_every_public_name_has_a_stub():
    names = set(stub_functions()) | set(stub_classes())
    for node in STUB.body:
        targets = node.targets if isinstance(node, ast.Assign) else [
            getattr(node, "target", None)]
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
    assert set(gln.__all__) <= names
    assert {name for name in names if not name.startswith("_")} - set(gln.__all__) <= {
        "Profile", "Regimen", "Policy", "Result", "Column"}


def test_functions_have_the_stubs_parameters():
    for name, node in stub_functions().items():
        runtime = inspect.signature(getattr(gln, name))
        args = node.args
        stub = [(a.arg, inspect.Parameter.POSITIONAL_OR_KEYWORD) for a in args.args]
        stub += [(a.arg, inspect.Parameter.KEYWORD_ONLY) for a in args.kwonlyargs]
        assert [(p.name, p.kind) for p in runtime.parameters.values()] == stub, name
        defaults = [d for d in args.defaults] + [d for d in args.kw_defaults if d is not None]
        with_default = [p for p in runtime.parameters.values()
                        if p.default is not inspect.Parameter.empty]
        assert len(defaults) == len(with_default), name


def test_enums_have_the_stubs_members():
    classes = stub_classes()
    for name in gln.__all__:
        value = getattr(gln, name)
        if not (isinstance(value, type) and issubclass(value, enum.Enum)):
            continue
        members = [(target.id, node.value.value)
                   for node in classes[name].body if isinstance(node, ast.Assign)
                   for target in node.targets]
        assert members == [(m.name, m.value) for m in value], name
