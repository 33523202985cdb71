"""
The core pack: second-interview guidance covering every fact of the guidance brief.

The content lives in ``pack.toml`` and the files it includes; this module holds no
code. It is registered through the ``interviewprep.packs`` entry point like any
third-party pack.
"""
