"""Sphinx configuration for the interviewprep documentation."""

from importlib.metadata import version as _version

project = "interviewprep"
author = "interviewprep developers"
copyright = "2026, interviewprep developers"
release = _version("interviewprep-kit")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
nitpicky = False

html_theme = "furo"
html_title = "interviewprep"


# -- Signatures of attrs classes ------------------------------------------------------
# autodoc_preserve_defaults reads each default from the function's source; for an attrs
# class that source is attrs' generated __init__, so every default would read
# ``attr_dict['stages'].default``. The signature is rebuilt from the attrs fields
# instead: ``stages=frozenset()``, ``format=Format.IN_PERSON``, ``first_round=FirstRound()``.
# autodoc_preserve_defaults stays on for functions, whose defaults it shows as written.

import enum
import importlib
import inspect
from functools import lru_cache

import attrs

#: Classes built only by the library itself: documented without a constructor
#: signature (their text says how to get one).
NO_SIGNATURE = {"interviewprep.Library", "interviewprep.Items"}


class _Shown:
    """A default value that prints as the given text."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


def _default_text(value):
    if isinstance(value, attrs.Factory):
        if value.takes_self:
            return "..."
        name = getattr(value.factory, "__name__", "<lambda>")
        return "..." if name == "<lambda>" else f"{name}()"
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    return repr(value)


def _attrs_signature(app, what, name, obj, options, signature, return_annotation):
    if what not in {"class", "exception"}:
        return None
    if name in NO_SIGNATURE:
        return "", ""
    if not (inspect.isclass(obj) and attrs.has(obj)) or signature is None:
        return None
    fields = {field.alias: field for field in attrs.fields(obj) if field.init}
    parameters = []
    for parameter in inspect.signature(obj).parameters.values():
        parameter = parameter.replace(annotation=inspect.Parameter.empty)
        field = fields.get(parameter.name)
        if field is not None and field.default is not attrs.NOTHING:
            parameter = parameter.replace(default=_Shown(_default_text(field.default)))
        parameters.append(parameter)
    return str(inspect.Signature(parameters)), return_annotation


# -- Public names for types -------------------------------------------------------------
# Type hints name the module a class is defined in (``interviewprep._vocabulary.Topic``);
# readers import it as ``interviewprep.Topic``, which is where the reference documents it.
# Every cross-reference to a public name through a submodule is rewritten to the public
# name, both its target and its text.


@lru_cache(maxsize=None)
def _public_name(target):
    import interviewprep

    parts = target.split(".")
    if parts[0] != "interviewprep":
        return None
    for index in range(2, len(parts)):
        name = parts[index]
        if name not in interviewprep.__all__:
            continue
        try:
            module = importlib.import_module(".".join(parts[:index]))
        except ImportError:
            return None
        if getattr(module, name, None) is not getattr(interviewprep, name):
            return None
        return ".".join(["interviewprep", *parts[index:]])
    return None


def _use_public_names(app, doctree):
    from docutils import nodes
    from sphinx import addnodes

    for xref in doctree.findall(addnodes.pending_xref):
        if xref.get("refdomain") != "py":
            continue
        target = xref.get("reftarget", "")
        public = _public_name(target)
        if public is None:
            continue
        xref["reftarget"] = public
        for text in list(xref.findall(nodes.Text)):
            if str(text) == target:
                text.parent.replace(text, nodes.Text(public))


def _public_titles(app, doctree, docname):
    # A link resolved through a canonical alias (``interviewprep.exceptions.X``) gets
    # that path as its tooltip.
    from docutils import nodes

    for reference in doctree.findall(nodes.reference):
        public = _public_name(reference.get("reftitle", ""))
        if public is not None:
            reference["reftitle"] = public


def _drop_constructor_fields(app, domain, objtype, contentnode):
    # autodoc_typehints = "description" lists the constructor's parameters of a class;
    # the classes in NO_SIGNATURE have none to show. Runs after autodoc's own handler.
    from docutils import nodes

    signature = contentnode.parent[0]
    fullname = ".".join(filter(None, [signature.get("module"), signature.get("fullname")]))
    if fullname not in NO_SIGNATURE:
        return
    for field_list in [n for n in contentnode.children if isinstance(n, nodes.field_list)]:
        for field in list(field_list.children):
            if field[0].astext().split()[0] in {"param", "type", "keyword", "kwtype"}:
                field_list.remove(field)
        if not field_list.children:
            contentnode.remove(field_list)


def setup(app):
    app.connect("autodoc-process-signature", _attrs_signature)
    app.connect("doctree-read", _use_public_names)
    app.connect("doctree-resolved", _public_titles)
    app.connect("object-description-transform", _drop_constructor_fields, priority=600)
