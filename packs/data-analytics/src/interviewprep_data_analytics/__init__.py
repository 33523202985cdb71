"""
The `data-analytics` content pack for interviewprep.

This module holds no code: the content is in ``pack.toml`` and the files it
includes, found through the ``interviewprep.packs`` entry point.
"""
