"""
The packs that ship inside the interviewprep wheel (data only; no code runs on load).
"""
