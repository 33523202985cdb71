"""
Matching content to an interview and to an answer: one definition, used by plans,
practice and assessment.

Applicability (:func:`applies`)
    An item applies to an interview when, for every dimension its ``applies`` names
    (formats, regions, seniority, situations, roles), the interview's value is one of
    the named values. A dimension the interview leaves unknown (no region, no
    seniority, situations ``None``, no recognised role) keeps the item but counts as
    unknown, and callers rank such items after the ones that match. An item that names
    no dimension applies to every interview. Adding context to an interview never
    brings back an item whose named dimension it contradicts. Regions match exactly,
    and ``eu`` matches the member states of the European Union. A role pack's
    ``scope`` is stricter: its items that name no roles of their own apply only to an
    interview whose role is recognised as one of the scope's (a teaching pack stays
    out of a plan whose role is unknown).

Roles (:func:`recognise_roles`)
    The interview's ``sector`` if given, else the scope ids whose words appear in its
    role title or job posting.

Skills (:func:`named_skills`)
    The skills a job posting names, in its own spelling and order: the tools it
    lists, as two or more names joined by commas, "and", "or" or a slash, one of
    them written as a tool (``SQL``, ``PostgreSQL``, ``C++``: three capitals, a
    capital inside a word, or a ``+`` or ``#``) and none after an article ("the
    CFO and CEO" names people); then the words it shares with the tags of content
    written for the role (``experiments``). Names the interview file gives for
    other things (the company, the role, the interviewers and their titles, the
    location) are never skills.

Cues (:func:`find_signals`)
    A talking point or red flag is found in an answer when one of its cues appears:
    words are compared by their stems (``negotiated`` finds ``negotiate``), a
    multi-word cue must appear as a phrase (one word a speaker slips in, such as
    "actually" or "um", may stand between two of its words), a per cent sign reads
    as ``percent``, English contractions are spelled out on both sides (``I'm``
    matches ``I am``), and a cue preceded within five words of
    the same sentence by a negation (``not``, ``never``, ``didn't``, ``nicht``,
    ``jamais``...) or by words that set it aside (``rather than``, ``instead of``,
    ``statt``, ``plutôt que``) is reported as negated rather than found. Matching is
    linear in the answer's length.
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

import attrs

from ._interview import Interview
from ._model import Applicability, Checklist, Question, Scope, Signal, Tip
from ._words import stem

if TYPE_CHECKING:
    from ._library import Library

_Item = TypeVar("_Item", Tip, Question, Checklist)

__all__ = [
    "EU",
    "Fit",
    "Relevance",
    "SignalMatch",
    "applies",
    "find_signals",
    "named_skills",
    "recognise_roles",
]

#: The member states of the European Union, as ISO 3166 codes (``eu`` matches them).
EU = frozenset(
    [
        "at",
        "be",
        "bg",
        "cy",
        "cz",
        "de",
        "dk",
        "ee",
        "es",
        "fi",
        "fr",
        "gr",
        "hr",
        "hu",
        "ie",
        "it",
        "lt",
        "lu",
        "lv",
        "mt",
        "nl",
        "pl",
        "pt",
        "ro",
        "se",
        "si",
        "sk",
    ]
)
_NEGATIONS = frozenset(
    [
        "not",
        "no",
        "never",
        "without",
        "nor",
        "hardly",
        "neither",
        "don't",
        "didn't",
        "doesn't",
        "wasn't",
        "weren't",
        "isn't",
        "aren't",
        "won't",
        "wouldn't",
        "couldn't",
        "can't",
        "cannot",
        "haven't",
        "hasn't",
        "hadn't",
        "shouldn't",
        # German and French, for translated cues
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "nie",
        "niemals",
        "ohne",
        "ne",
        "pas",
        "jamais",
        "sans",
        "aucun",
        "aucune",
        "statt",
        "anstatt",
    ]
)
#: Two words that set aside what follows them: "rather than hoping nobody notices",
#: "instead of blaming them", "plutôt que".
_SETTING_ASIDE = frozenset({("rather", "than"), ("instead", "of"), ("plutôt", "que")})
#: English contractions, spelled out so that "I'm" and "I am" (or "didn't" and "did
#: not") match the same cues.
_CONTRACTIONS = {"'m": "am", "'re": "are", "'ve": "have", "'ll": "will", "'d": "would"}
_NOT_STEMS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "am"}
_NEGATION_WINDOW = 5
#: Punctuation that ends the reach of a negation: "they don't. With another week..."
_CLAUSE_MARKS = frozenset(".!?;:,")
#: French elisions, spelled out: "l'offre" is "le offre", so the cue "offre" matches.
_ELISIONS = {
    "l": "le",
    "d": "de",
    "j": "je",
    "qu": "que",
    "n": "ne",
    "s": "se",
    "c": "ce",
    "m": "me",
    "t": "te",
}
#: The French elisions a word opens with, each with two characters or more after its
#: apostrophe ("l'", "qu'", "d'" in "qu'il", "l'offre"; not "l'a", which is too short).
_ELIDED = re.compile(f"(?:(?:{'|'.join(_ELISIONS)})'(?=[\\s\\S]{{2}}))*")
#: A word (letters and digits, apostrophes inside), a per cent sign, or a mark that ends
#: a clause (never part of a word), in the order they come.
_PIECES = re.compile("[.!?;:,]|%|[^\\W_]+(?:['\u2019][^\\W_]+)*")


@attrs.frozen
class Fit:
    """
    How an item's applicability fits an interview.

    Attributes:
        applies: Whether the item may be used for the interview.
        matched: How many named dimensions the interview matches (more is a closer fit).
        unknown: How many named dimensions the interview leaves unknown (rank lower).
    """

    applies: bool
    matched: int = 0
    unknown: int = 0


def recognise_roles(interview: Interview, scopes: Iterable[Scope]) -> frozenset[str]:
    """
    The interview's roles: its ``sector``, or the scopes whose words it mentions.

    Args:
        interview: The interview (its role title and job posting are searched).
        scopes: The scopes of the installed role packs.

    Returns:
        The ids of the matching scopes; empty when none is recognised (unknown).
    """
    if interview.sector is not None:
        return frozenset({interview.sector})
    stems = _stems(f"{interview.role}\n{interview.job_posting}")
    return frozenset(
        scope.id for scope in scopes if any(_find(stems, _stems(word)) for word in scope.words)
    )


#: A word as the posting spells it: letters and digits, with ``+`` and ``#`` (``C++``,
#: ``C#``) and dots, apostrophes or hyphens inside (``Node.js``).
_SPELLED = re.compile(r"[^\W_][\w+#]*(?:[.'\u2019-][^\W_][\w+#]*)*")
#: What ends a sentence (or a line of a list) between two words.
_SENTENCE_END = re.compile(r"[.!?;:\n\u2022]")
#: Words joining the names of a list, in the languages of the built-in catalogue.
_JOINING = frozenset({"and", "or", "und", "oder", "et", "ou", "&"})
#: Words that make the name after them a thing or a person rather than a skill ("the
#: CFO and CEO", "der CFO", "le CFO").
_ARTICLES = frozenset(
    {
        *("the", "a", "an", "our", "your", "their", "its", "this", "that", "these", "those"),
        *("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "unser"),
        *("unsere", "le", "la", "les", "l", "un", "une", "notre", "nos", "votre", "vos"),
        *("leur", "leurs"),
    }
)
#: The most skills :func:`named_skills` names.
MOST_SKILLS = 4


def _tool_like(word: str) -> bool:
    """Whether *word* is written as the name of a tool: three capitals (``SQL``,
    ``APIs``), a capital after a small letter (``PostgreSQL``), or ``+`` or ``#``."""
    if "+" in word or "#" in word:
        return True
    if sum(c.isupper() for c in word) >= 3:
        return True
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))


def named_skills(interview: Interview, tags: Iterable[str] = ()) -> tuple[str, ...]:
    """
    The skills *interview*'s job posting names, by the rules in this module's
    docstring: at most :data:`MOST_SKILLS`, the tools it lists first, then the words
    it shares with *tags*, each once, in the posting's order and spelling.

    Args:
        interview: The interview; its job posting is read.
        tags: Tags of content written for the interview's role (``data-quality`` is
            found as "data quality").

    Returns:
        The skills, as the posting writes them; empty when it names none.
    """
    posting = interview.job_posting
    words = list(_SPELLED.finditer(posting))
    if not words:
        return ()
    given = " ".join(
        [
            interview.company,
            interview.role,
            interview.location,
            *(f"{p.name} {p.title}" for p in interview.interviewers),
        ]
    )
    others = {word.lower() for word in _SPELLED.findall(given)}
    lowered = [match.group().lower() for match in words]
    starts = [
        n == 0 or bool(_SENTENCE_END.search(posting, words[n - 1].end(), match.start()))
        for n, match in enumerate(words)
    ]

    def capital(n: int) -> bool:
        """Whether word *n* may be part of a name: written as a tool, or capitalised
        and not the first word of a sentence; never a word the file uses elsewhere."""
        text = words[n].group()
        if lowered[n] in others:
            return False
        return _tool_like(text) or (text[0].isupper() and not starts[n])

    def gap(n: int) -> str:
        """What stands between word *n* and the next, spaces aside."""
        return posting[words[n].end() : words[n + 1].start()].strip()

    found: list[tuple[int, str]] = []
    n = 0
    while n < len(words):
        if not capital(n):
            n += 1
            continue
        # A list of names, each one or more capitalised words in a row, joined by
        # commas, slashes, "and" or "or".
        first = n
        names: list[tuple[int, int]] = []
        while True:
            end = n
            while end + 1 < len(words) and capital(end + 1) and not gap(end):
                end += 1
            names.append((n, end))
            n = end + 1
            if n >= len(words):
                break
            between = gap(end)
            if between in (",", "/", "&") or (not between and lowered[n] in _JOINING):
                if lowered[n] in _JOINING and n + 1 < len(words) and not gap(n):
                    n += 1
                if capital(n):
                    continue
            break
        article = first > 0 and lowered[first - 1] in _ARTICLES and not starts[first]
        strong = any(_tool_like(words[m].group()) for a, b in names for m in range(a, b + 1))
        if len(names) >= 2 and strong and not article:
            found += [(words[a].start(), _span(posting, words, a, b)) for a, b in names]
    tools = len(found)
    stems = [_stem(word) for word in lowered]
    where: dict[str, list[int]] = {}
    for m, word in enumerate(stems):
        where.setdefault(word, []).append(m)
    for tag in tags:
        phrase = [_stem(part) for part in tag.lower().replace("-", " ").split()]
        size = len(phrase)
        for m in where.get(phrase[0], ()) if phrase else ():
            if stems[m : m + size] == phrase:
                found.append((words[m].start(), _span(posting, words, m, m + size - 1)))
                break
    ordered = sorted(found[:tools]) + sorted(found[tools:])
    skills: list[str] = []
    seen: set[str] = set()
    for _, text in ordered:
        key = text.lower()
        if key not in seen and key not in others:
            seen.add(key)
            skills.append(" ".join(text.split()))
    return tuple(skills[:MOST_SKILLS])


def _span(posting: str, words: Sequence[re.Match[str]], first: int, last: int) -> str:
    """The posting's text from word *first* to word *last*."""
    return posting[words[first].start() : words[last].end()]


def applies(
    applicability: Applicability,
    interview: Interview,
    *,
    roles: frozenset[str] | None = None,
    scope: frozenset[str] = frozenset(),
) -> Fit:
    """
    How *applicability* fits *interview*, by the rules in this module's docstring.

    Args:
        applicability: An item's ``applies``.
        interview: The interview.
        roles: The interview's recognised roles (see :func:`recognise_roles`);
            by default its ``sector``, if any; empty when unknown.
        scope: The scope ids of the item's pack, used when the item names no roles.

    Returns:
        The fit.
    """
    if roles is None:
        roles = frozenset() if interview.sector is None else frozenset({interview.sector})
    if scope and not applicability.roles and not roles & scope:
        return Fit(applies=False)
    matched = unknown = 0
    checks: list[tuple[frozenset[object], frozenset[object] | None]] = [
        (frozenset(applicability.formats), frozenset({interview.format})),
        (frozenset(applicability.regions), _regions(interview.region)),
        (
            frozenset(applicability.seniority),
            None if interview.seniority is None else frozenset({interview.seniority}),
        ),
        (
            frozenset(applicability.situations),
            None if interview.situations is None else frozenset(interview.situations),
        ),
        (frozenset(applicability.roles or scope), frozenset(roles) if roles else None),
    ]
    for named, known in checks:
        if not named:
            continue
        if known is None:
            unknown += 1
        elif named & known:
            matched += 1
        else:
            return Fit(applies=False)
    return Fit(applies=True, matched=matched, unknown=unknown)


def _regions(region: str | None) -> frozenset[object] | None:
    if region is None:
        return None
    return frozenset({region, "eu"}) if region in EU else frozenset({region})


@attrs.frozen
class SignalMatch:
    """
    A talking point or red flag looked for in an answer.

    Attributes:
        signal: The talking point or red flag.
        found: Whether one of its cues appears, not negated.
        evidence: The words of the answer that matched (empty when not found).
        negated: Whether a cue appeared only after a negation ("I did not blame").
    """

    signal: Signal
    found: bool
    evidence: str = ""
    negated: bool = False


def find_signals(answer: str, signals: Sequence[Signal]) -> tuple[SignalMatch, ...]:
    """
    Look for each signal's cues in *answer*, by the rules in this module's docstring.

    Args:
        answer: The answer's text.
        signals: Talking points or red flags.

    Returns:
        One match per signal, in order.
    """
    words = _read(answer)
    tokens, clauses, where = words.tokens, words.clauses, words.where
    results = []
    for signal in signals:
        result = SignalMatch(signal=signal, found=False)
        for cue in signal.cues:
            cue_stems = _cue_stems(cue)
            if not cue_stems:
                continue
            size = len(cue_stems)
            # A cue is checked only where its rarest word is, in the answer's order.
            offset = min(range(size), key=lambda n: len(where.get(cue_stems[n], ())))
            for anchor in where.get(cue_stems[offset], ()):
                covers = _cue_at(words, anchor, offset, cue_stems)
                if covers is None:
                    continue
                position, end = covers
                # The words before the cue, in its clause, up to the window's width.
                clause = bisect.bisect_right(clauses, position)
                start = max(0, position - _NEGATION_WINDOW, clauses[clause - 1] if clause else 0)
                before = tokens[start:position]
                if _NEGATIONS.isdisjoint(before) and _SETTING_ASIDE.isdisjoint(
                    itertools.pairwise(before)
                ):
                    evidence = " ".join(tokens[position:end])
                    result = SignalMatch(signal=signal, found=True, evidence=evidence)
                    break
                result = SignalMatch(signal=signal, found=False, negated=True)
            if result.found:
                break
        results.append(result)
    return tuple(results)


#: Words a speaker slips into a phrase without changing it ("what they *actually*
#: needed", "they, *um*, agreed"): one of them may stand between two words of a cue.
_SLIPPED_IN = frozenset(
    [
        "actually",
        "really",
        "just",
        "also",
        "then",
        "all",
        "very",
        "quite",
        "finally",
        "properly",
        "even",
        "still",
        "genuinely",
        "honestly",
        "basically",
        "um",
        "uh",
        "er",
        "erm",
        "uhm",
    ]
)


def _cue_at(
    words: _Words, anchor: int, offset: int, cue: tuple[str, ...]
) -> tuple[int, int] | None:
    """
    Where *cue*, whose word *offset* is at *anchor* in *words*, appears there: as a
    phrase, or with one of :data:`_SLIPPED_IN` between two of its words. The start
    and end of the words it covers, or ``None``.
    """
    stems, size = words.stems, len(cue)
    position = anchor - offset
    if position >= 0 and stems[position : position + size] == cue:
        return position, position + size
    for gap in range(1, size):
        start = position - 1 if gap <= offset else position
        if start < 0 or start + size >= len(stems):
            continue
        if (
            words.tokens[start + gap] in _SLIPPED_IN
            and stems[start : start + gap] == cue[:gap]
            and stems[start + gap + 1 : start + size + 1] == cue[gap:]
        ):
            return start, start + size + 1
    return None


@attrs.frozen
class _Words:
    """An answer read for matching: its words, where its clauses start, the stems, and an index."""

    tokens: tuple[str, ...]
    #: Where each clause (or sentence) after the first starts, in order: the index of
    #: its first token.
    clauses: tuple[int, ...]
    stems: tuple[str, ...]
    #: Where each stem occurs, in order.
    where: Mapping[str, Sequence[int]]


#: The answers read in the current :func:`reading_once` block, by their text.
_READ: contextvars.ContextVar[dict[str, _Words] | None] = contextvars.ContextVar(
    "interviewprep_read", default=None
)


@contextlib.contextmanager
def reading_once() -> Iterator[None]:
    """
    Within the block, each answer is read (tokenised, stemmed, indexed) once however
    many times signals are looked for in it: an assessment looks for talking points,
    red flags and buzzwords in the same answer from several scorers. What was read is
    dropped when the block ends.
    """
    token = _READ.set({})
    try:
        yield
    finally:
        _READ.reset(token)


def _read(answer: str) -> _Words:
    """*answer* read for matching, once per :func:`reading_once` block."""
    read = _READ.get()
    if read is None:
        return _read_now(answer)
    words = read.get(answer)
    if words is None:
        words = read[answer] = _read_now(answer)
    return words


def _read_now(answer: str) -> _Words:
    tokens, clauses = _tokens_and_clauses(answer)
    stem_of = {token: _stem(token) for token in set(tokens)}  # each distinct word once
    stems = tuple(map(stem_of.__getitem__, tokens))
    where: dict[str, list[int]] = {found: [] for found in stem_of.values()}
    for position, found in enumerate(stems):
        where[found].append(position)
    return _Words(tuple(tokens), tuple(clauses), stems, where)


@functools.lru_cache(maxsize=4096)
def _cue_stems(cue: str) -> tuple[str, ...]:
    return tuple(_stems(cue))


def _spelled_out(word: str) -> list[str]:
    """
    *word* (lowercase) with an English contraction spelled out (``i'm`` is ``i am``)
    and French elisions too (``l'offre`` is ``le offre``), in one pass however many
    elisions it chains.
    """
    if "'" not in word:  # most words
        return [word]
    elided = _ELIDED.match(word)  # a run of elisions, read in one match however long
    start = elided.end() if elided else 0
    words = [_ELISIONS[head] for head in word[:start].split("'")[:-1]]
    rest = word[start:]
    if "'" not in rest:
        return [*words, rest]
    if rest.endswith("n't") and len(rest) > 3:
        base = rest[:-3]
        return [*words, _NOT_STEMS.get(base, base), "not"]
    head, _, tail = rest.rpartition("'")
    expansion = _CONTRACTIONS.get(f"'{tail}")
    return [*words, head, expansion] if head and expansion else [*words, rest]


def _tokens_and_clauses(text: str) -> tuple[list[str], list[int]]:
    """
    The words of *text*, and where its clauses start: the index of the word after
    each run of :data:`_CLAUSE_MARKS` (marks never stand inside a word).
    """
    tokens: list[str] = []
    starts: list[int] = []
    ended = False
    spelled: dict[str, list[str]] = {}  # each distinct word lowered and spelled out once
    for piece in _pieces(text):
        if piece in _CLAUSE_MARKS:
            ended = True
            continue
        if ended:
            starts.append(len(tokens))
            ended = False
        words = spelled.get(piece)
        if words is None:
            words = spelled[piece] = (
                ["percent"] if piece == "%" else _spelled_out(piece.lower().replace("\u2019", "'"))
            )
        tokens += words
    return tokens, starts


def _pieces(text: str) -> Iterator[str]:
    """
    What :data:`_PIECES` finds in *text*, in order: found in each distinct run of
    text between white space once (no piece holds white space), as an answer says
    most of its words many times.
    """
    runs = text.split()
    found = {run: _PIECES.findall(run) for run in dict.fromkeys(runs)}
    return itertools.chain.from_iterable(map(found.__getitem__, runs))


def _tokens(text: str) -> list[str]:
    return _tokens_and_clauses(text)[0]


def _stem(word: str) -> str:
    """A word's stem, without a final ``e``: ``negotiate`` and ``negotiated`` agree."""
    found = stem(word)
    return found[:-1] if found.endswith("e") and len(found) > 4 else found


def _stems(text: str) -> list[str]:
    return [_stem(token) for token in _tokens(text)]


def _find(stems: list[str], phrase: list[str]) -> bool:
    """Whether *phrase* appears in *stems* as consecutive words."""
    if not phrase:
        return False
    size = len(phrase)
    first = phrase[0]
    return any(
        stems[position : position + size] == phrase
        for position, word in enumerate(stems)
        if word == first
    )


#: Tags of content that plans and practice leave out unless the user opts in to it:
#: ``brainteaser`` marks puzzle questions ("how many cups of coffee...") that few
#: employers still ask and that say little about the job; ``presentation`` marks the
#: preparation for a presentation round, which only some interviews have.
OPT_IN_TAGS: frozenset[str] = frozenset({"brainteaser", "presentation"})


class Relevance:
    """
    Which of a library's items apply to one interview, with the interview's roles
    recognised once.

    Args:
        library: The library (its packs' scopes are used).
        interview: The interview.
        opt_in: Tags of :data:`OPT_IN_TAGS` whose items to include all the same.
    """

    __slots__ = ("_interview", "_left_out", "_scopes", "_words", "roles")

    def __init__(self, library: Library, interview: Interview, opt_in: Iterable[str] = ()) -> None:
        self._interview = interview
        self._left_out = OPT_IN_TAGS.difference(opt_in)
        self._scopes = {
            pack.name: frozenset(scope.id for scope in pack.info.scope) for pack in library.packs
        }
        scopes = [scope for pack in library.packs for scope in pack.info.scope]
        #: The interview's roles: its sector, or those recognised in its role and posting.
        self.roles = recognise_roles(interview, scopes)
        self._words: frozenset[str] | None = None

    def fit(
        self, item: Tip | Question | Checklist, applicability: Applicability | None = None
    ) -> Fit:
        """
        How *item* (or *applicability* of one of its parts) fits the interview.
        """
        scope = self._scopes.get(item.pack or "", frozenset())
        return applies(
            item.applies if applicability is None else applicability,
            self._interview,
            roles=self.roles,
            scope=scope,
        )

    def for_role(self, item: Tip | Question | Checklist) -> bool:
        """
        Whether *item* comes from a role pack whose scope is one of the interview's roles.
        """
        return bool(self._scopes.get(item.pack or "", frozenset()) & self.roles)

    def unlikely_role(self, item: Tip | Question | Checklist) -> bool:
        """
        Whether *item* is written for roles that the interview probably is not: it
        names roles, the interview's role is unknown (no installed role pack
        recognises it), and no word of those roles' ids (``software`` and
        ``engineering`` for ``software-engineering``) appears in the interview's role
        title or job posting. Such an item still applies; plans rank it lower.
        """
        if not item.applies.roles or self.roles:
            return False
        if self._words is None:
            interview = self._interview
            self._words = frozenset(_stems(f"{interview.role}\n{interview.job_posting}"))
        return not any(self._words.intersection(_stems(role)) for role in item.applies.roles)

    def wanted(self, item: Tip | Question | Checklist) -> bool:
        """
        Whether *item* carries none of the opt-in tags the user did not opt in to.
        """
        return self._left_out.isdisjoint(item.tags)

    def select(self, items: Iterable[_Item], *, opted_in: bool = False) -> list[_Item]:
        """
        The items that apply, those whose every named dimension is known first
        (otherwise in the given order).

        Items tagged with an opt-in tag the user did not opt in to are left out,
        unless *opted_in* (for items the user named, such as a question that went
        badly in round one).
        """
        fitting = [
            (fit.unknown, n, item)
            for n, item in enumerate(items)
            if (opted_in or self.wanted(item)) and (fit := self.fit(item)).applies
        ]
        fitting.sort(key=lambda entry: entry[:2])
        return [item for _, _, item in fitting]
