"""
The judge: one chat-completions request per answer, scores for every criterion asked.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs
import httpx

from interviewprep.scorers import JudgeContext, Score

from ._errors import JudgeError, excerpt
from ._prompt import DEFAULT_MAX_ANSWER_CHARS, messages
from ._reply import scores

__all__ = ["ENVIRONMENT", "OpenAIJudge", "from_environment"]

#: The environment variables :func:`from_environment` reads: URL, model, API key.
ENVIRONMENT = (
    "INTERVIEWPREP_JUDGE_URL",
    "INTERVIEWPREP_JUDGE_MODEL",
    "INTERVIEWPREP_JUDGE_API_KEY",
)


def _without_slash(url: str) -> str:
    return url.rstrip("/")


def _check_url(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.startswith(("http://", "https://")):
        msg = f"{attribute.name} must be an http:// or https:// URL, not {value!r}"
        raise ValueError(msg)


def _check_positive(_: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if not value > 0:
        msg = f"{attribute.name} must be positive, not {value!r}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class OpenAIJudge:
    """
    A judge backed by a language model behind an OpenAI-compatible chat-completions
    endpoint (Ollama, vLLM, llama.cpp's server, or a hosted API).

    Called with an answer and a :class:`~interviewprep.scorers.JudgeContext`, it sends
    one request holding the criteria asked for with their anchored levels, the question
    with its talking points and red flags, the job posting, and the answer (as data
    between markers, cut to *max_answer_chars*). It returns a
    :class:`~interviewprep.scorers.Score` per criterion the model scored readably, with
    the model's evidence, suggestion and confidence, and ``"model @ base URL"`` as
    provenance. Give it to :func:`interviewprep.assess` as ``judges={"*": judge}``.

    Attributes:
        base_url: The API's base URL, up to and including ``/v1``
            (``"http://127.0.0.1:11434/v1"``); the judge posts to
            ``{base_url}/chat/completions``.
        model: The model to ask (``"llama3.1:8b"``).
        api_key: Sent as a bearer token when given; never shown in ``repr``.
        timeout: Seconds to wait for the connection, and for the reply to start and to
            go on arriving (httpx's timeout for each step).
        temperature: The sampling temperature; 0 asks for the same scores each time.
        json_mode: Send ``response_format: {"type": "json_object"}``; turn it off for
            a server that rejects it (the reply is read either way).
        max_answer_chars: How many characters of the answer are sent at most.
        client: The :class:`httpx.Client` to send with (for proxies, certificates, or
            reusing connections); by default a new one for each call.
    """

    #: The name :func:`interviewprep.assess` records as each criterion's scorer.
    name: ClassVar[str] = "openai-judge"

    base_url: str = attrs.field(converter=_without_slash, validator=_check_url)
    model: str = attrs.field(validator=attrs.validators.min_len(1))
    api_key: str | None = attrs.field(default=None, repr=False)
    timeout: float = attrs.field(default=60.0, validator=_check_positive)
    temperature: float = attrs.field(default=0.0, validator=attrs.validators.ge(0))
    json_mode: bool = True
    max_answer_chars: int = attrs.field(default=DEFAULT_MAX_ANSWER_CHARS, validator=_check_positive)
    client: httpx.Client | None = attrs.field(default=None, repr=False, eq=False)

    @property
    def url(self) -> str:
        """
        The URL the judge posts to.
        """
        return f"{self.base_url}/chat/completions"

    def request(self, answer: str, context: JudgeContext) -> dict[str, Any]:
        """
        The body of the request that rates *answer* on ``context.criteria``.

        Args:
            answer: The answer to rate.
            context: The rubric, the criteria to score, the question and the interview.

        Returns:
            The chat-completions request, ready to send as JSON.
        """
        body: dict[str, Any] = {
            "model": self.model,
            "messages": messages(answer, context, max_answer_chars=self.max_answer_chars),
            "temperature": self.temperature,
            "stream": False,
        }
        if self.json_mode:
            body["response_format"] = {"type": "json_object"}
        return body

    def __call__(self, answer: str, context: JudgeContext) -> dict[str, Score]:
        """
        Score *answer* on each of ``context.criteria``, by criterion id.

        Args:
            answer: The answer to rate.
            context: The rubric, the criteria to score, the question and the interview.

        Returns:
            A score for each criterion the model scored on the rubric's scale; those it
            left out or scored off the scale are missing.

        Raises:
            JudgeError: If the endpoint cannot be reached, times out, answers with an
                HTTP error, or sends a reply holding no scores.
        """
        reply = self._post(self.request(answer, context))
        served = reply.get("model")
        model = served if isinstance(served, str) and served.strip() else self.model
        provenance = f"{model} @ {self.base_url}"
        return scores(_content(reply, self.url), context, provenance=provenance, url=self.url)

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        """The endpoint's reply to *body*, as a JSON object."""
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        try:
            if self.client is not None:
                response = self.client.post(
                    self.url, json=body, headers=headers, timeout=self.timeout
                )
            else:
                with httpx.Client(timeout=self.timeout) as client:
                    response = client.post(self.url, json=body, headers=headers)
        except httpx.TimeoutException as exc:
            msg = f"{self.url} did not answer within {self.timeout:g} s ({type(exc).__name__})"
            raise JudgeError(msg, url=self.url) from exc
        except httpx.HTTPError as exc:
            msg = f"cannot reach {self.url}: {type(exc).__name__}: {exc}"
            raise JudgeError(msg, url=self.url) from exc
        if response.is_error:
            msg = (
                f"{self.url} answered HTTP {response.status_code} {response.reason_phrase}: "
                f"{excerpt(response.text)}"
            )
            raise JudgeError(msg, url=self.url, status=response.status_code)
        try:
            reply = response.json()
        except ValueError as exc:
            msg = f"{self.url} sent a reply that is not JSON: {excerpt(response.text)}"
            raise JudgeError(msg, url=self.url, status=response.status_code) from exc
        if not isinstance(reply, dict):
            msg = f"{self.url} sent a reply that is not a JSON object: {excerpt(response.text)}"
            raise JudgeError(msg, url=self.url, status=response.status_code)
        return reply


def _content(reply: Mapping[str, Any], url: str) -> str:
    """The text of the first choice of a chat-completions reply."""
    choices = reply.get("choices")
    choice = choices[0] if isinstance(choices, list) and choices else None
    message = choice.get("message") if isinstance(choice, dict) else None
    content = message.get("content") if isinstance(message, dict) else None
    if not isinstance(content, str) or not content.strip():
        finish = choice.get("finish_reason") if isinstance(choice, dict) else None
        why = f" (finish_reason {finish!r})" if finish else ""
        msg = f"the reply of {url} has no message content{why}: {excerpt(str(dict(reply)))}"
        raise JudgeError(msg, url=url)
    return content


def from_environment(environ: Mapping[str, str] | None = None) -> OpenAIJudge:
    """
    A judge configured by environment variables: the factory behind the
    ``interviewprep.judges`` entry point ``openai``.

    ``INTERVIEWPREP_JUDGE_URL`` is the base URL (``http://127.0.0.1:11434/v1``),
    ``INTERVIEWPREP_JUDGE_MODEL`` the model, and ``INTERVIEWPREP_JUDGE_API_KEY`` the API
    key, if the endpoint wants one.

    Args:
        environ: Where to read the variables; ``os.environ`` by default.

    Returns:
        The judge.

    Raises:
        JudgeError: If the URL or the model is not set (or empty), or the URL is not
            an http:// or https:// URL, naming the variable.
    """
    environ = os.environ if environ is None else environ
    url_variable, model_variable, key_variable = ENVIRONMENT
    examples = {
        url_variable: "the endpoint's base URL, such as http://127.0.0.1:11434/v1",
        model_variable: "the model's name, such as llama3.1:8b",
    }
    for variable, example in examples.items():
        if not environ.get(variable, "").strip():
            msg = f"{variable} is not set: set it to {example}"
            raise JudgeError(msg)
    try:
        return OpenAIJudge(
            base_url=environ[url_variable].strip(),
            model=environ[model_variable].strip(),
            api_key=environ.get(key_variable, "").strip() or None,
        )
    except ValueError as exc:
        msg = f"{url_variable}: {exc}"
        raise JudgeError(msg) from exc
