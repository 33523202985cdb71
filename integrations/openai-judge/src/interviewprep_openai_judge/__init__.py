"""
A judge for interviewprep: rate answers with a language model behind an
OpenAI-compatible chat-completions endpoint (Ollama, vLLM, llama.cpp, hosted APIs).

>>> from interviewprep_openai_judge import OpenAIJudge
>>> judge = OpenAIJudge(base_url="http://127.0.0.1:11434/v1", model="llama3.1:8b")
>>> judge.url
'http://127.0.0.1:11434/v1/chat/completions'

Give it to :func:`interviewprep.assess` as ``judges={"*": judge}``. The
``interviewprep.judges`` entry point ``openai`` is :func:`from_environment`.
"""

from ._errors import JudgeError
from ._judge import OpenAIJudge, from_environment

__all__ = ["JudgeError", "OpenAIJudge", "from_environment"]
