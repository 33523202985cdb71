"""
Benchmarks for interviewprep: ``python -m benchmarks`` (add ``--quick`` for CI).

Every figure is a median over repeated runs, reported as a ratio against a baseline
measured in the same run on the same machine, so the numbers compare across machines.
"""
