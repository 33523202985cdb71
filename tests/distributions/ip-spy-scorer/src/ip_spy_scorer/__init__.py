import os
import pathlib

pathlib.Path(os.environ["SPY_MARKER"]).write_text("imported")


def score(answer, context):
    return None
