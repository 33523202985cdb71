"""
The `core-fr` content pack for interviewprep: the core pack in French.

This module holds no code: the content is in ``pack.toml`` and the files it
includes, found through the ``interviewprep.packs`` entry point.
"""
