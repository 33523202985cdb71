"""
Choosing the best few of many items in order, without scoring every one.

A plan ranks a library's items by scores made of parts known before any interview
(an answer type's weight, whether an item says where it applies) and parts that
depend on the interview (how many of the interviewers' audiences an item suits, how
many words it shares with the job posting). Sorting every item takes time in
proportion to the library; this module finds the same order looking at few items.

* :class:`Shortlist`, built once per library: the items in groups alike in their
  static parts (an answer type and a set of audiences, say, and how much where they
  apply can add), an inverted index from each word to the items using it, and the
  common words' items as bits (:class:`WordBits`).
* :class:`Overlap`, once per interview: how many of the interview's words the items
  share. The most any item shares comes from a few operations on the words' bits
  (or, for short word lists, from counting them all); how many each member of a
  group shares is counted from the inverted index when the group is looked at.
* :func:`merged` yields items in the order of their exact keys. Everything waits in a
  heap under a bound, a key no worse than the exact key of anything it stands for:
  groups of groups with the same base score (bounded by the most any item shares),
  a group (by the most its members share), an item (its static parts and its words).
  What comes first is opened (into groups, or members, best first) or scored (an
  item goes back under its exact key, or comes out if nothing waiting can beat it).
  So the order is exactly that of sorting every item by its exact key (ties broken by
  the key's last part, the item's position), and only the groups and items whose
  bounds beat what comes out are looked at.

Items never change once their library is loaded, so the shortlists are built once and
kept with it (``Library._memo``); the work per interview follows the groups and the
items that could come first, not the size of the library.
"""

from __future__ import annotations

import heapq
import itertools
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any

__all__ = [
    "Group",
    "Key",
    "Overlap",
    "Shortlist",
    "Stream",
    "WordBits",
    "bits_of",
    "members_of",
    "merged",
]

#: An exact ranking key, smaller first: ``(-score, unknown dimensions, position)``.
Key = tuple[float, int, int]
#: Items in order of their bounds (keys no worse than their exact keys), as
#: ``(bound, position, words shared)``.
Stream = Iterator[tuple[Key, int, int]]


#: Words used by at least one item in this many get their items as bits (see
#: :attr:`Shortlist.bits`).
_BITS_FOR = 128


class Group:
    """Members of a shortlist alike in everything static their score depends on."""

    __slots__ = ("bonus", "end", "key", "start")

    def __init__(self, key: Any, bonus: float, start: int, end: int) -> None:
        #: What the members share (an answer type and an audience set, say).
        self.key = key
        #: The most that the members' static extras (where they apply, their pack's
        #: role) can add to their scores.
        self.bonus = bonus
        #: The members' codes: ``start`` to ``end`` (exclusive).
        self.start = start
        self.end = end


class Shortlist:
    """
    Items of one kind in groups for ranking, with an inverted index of their words.

    Each item gets a *code*: its index in :attr:`positions`, which lists the items
    group by group, in library order within a group.

    Args:
        positions: The items' positions in their library collection, in order.
        group: For a position, the key of the item's group and its static bonus
            (items with the same key and bonus form a group).
        words: For each word, the positions of the items using it, in order (other
            positions are ignored).
    """

    __slots__ = ("groups", "positions", "postings", "starts", "words")

    def __init__(
        self,
        positions: Iterable[int],
        group: Callable[[int], tuple[Hashable, float]],
        words: Mapping[str, Sequence[int]],
    ) -> None:
        members: dict[tuple[Hashable, float], list[int]] = {}
        for position in positions:
            members.setdefault(group(position), []).append(position)
        #: Positions by code.
        self.positions: list[int] = []
        self.groups: list[Group] = []
        for (key, bonus), found in members.items():
            start = len(self.positions)
            self.positions.extend(found)
            self.groups.append(Group(key, bonus, start, len(self.positions)))
        code_of = {position: code for code, position in enumerate(self.positions)}
        #: For each word, the codes of the items using it, in ascending order.
        self.postings: dict[str, list[int]] = {}
        #: For each word used by at least a quarter as many items as there are
        #: groups, where each group's codes start among the word's codes (and, last,
        #: where they end), so that a group's share of a common word takes no search.
        #: It takes at most twice the room of the word's codes; rarer words' codes
        #: are searched.
        self.starts: dict[str, array[int]] = {}
        firsts = [group.start for group in self.groups]
        for word, using in words.items():
            codes = sorted(code_of[p] for p in using if p in code_of)
            if not codes:
                continue
            self.postings[word] = codes
            if 4 * len(codes) >= len(firsts) > 1:
                where = array("I", (bisect_left(codes, first) for first in firsts))
                where.append(len(codes))
                self.starts[word] = where
        #: The words again, with their items as bits.
        self.words = WordBits(len(self.positions), self.postings)

    def overlap(self, words: Iterable[str], bonus: Callable[[int], float]) -> Overlap:
        """
        The items' overlap with *words* (an interview's), each item's shared words
        adding to its score as *bonus* says for their number (0 for none, never
        less for more).
        """
        return Overlap(self, words, bonus)


class Overlap:
    """
    The words a shortlist's items share with an interview: how many each member of a
    group uses, for the groups looked at.

    They are counted in one of two ways, whichever costs less: when the words' lists
    are short beside the number of groups times the number of words, every item's
    count at once (and so the most any item shares, which bounds every group); else
    group by group, from the part of each word's list that falls in the group.
    """

    __slots__ = ("_best", "_counts", "_sharing", "bonus", "lists", "most", "shared", "shortlist")

    def __init__(
        self, shortlist: Shortlist, words: Iterable[str], bonus: Callable[[int], float]
    ) -> None:
        self.shortlist = shortlist
        #: What sharing this many words adds to a score.
        self.bonus = bonus
        postings, starts = shortlist.postings, shortlist.starts
        used = sorted(w for w in set(words) if w in postings)
        #: For each of the words that some item uses, the codes using it, and where
        #: each group starts among them, if known.
        self.lists: list[tuple[list[int], array[int] | None]] = [
            (postings[w], starts.get(w)) for w in used
        ]
        #: How many of the words each item uses, by code (none: absent), if counted
        #: at once.
        self.shared: Counter[int] | None = None
        if _count_at_once(
            sum(len(codes) for codes, _ in self.lists), len(shortlist.groups), len(self.lists)
        ):
            self.shared = Counter()
            for codes, _ in self.lists:
                self.shared.update(codes)
            most = max(self.shared.values(), default=0)
        else:
            # Beyond this many words, more add nothing.
            enough = next(n for n in range(len(used) + 1) if bonus(n) == bonus(len(used)))
            most = len(shortlist.words.levels(used, most=enough))
        #: The most that words add to any item's score.
        self.most = bonus(most)
        self._counts: dict[int, dict[int, int]] = {}
        self._best: dict[int, float] = {}
        self._sharing: dict[int, list[tuple[float, int, int]]] = {}

    def counts(self, group: int) -> dict[int, int]:
        """How many of the words each member of a group uses, by code (none: absent)."""
        found = self._counts.get(group)
        if found is None:
            where = self.shortlist.groups[group]
            shared = self.shared
            if shared is not None:
                members = range(where.start, where.end)
                if len(members) <= len(shared):
                    found = {code: shared[code] for code in members if code in shared}
                else:
                    found = {code: n for code, n in shared.items() if code in members}
            else:
                found = {}
                for codes, starts in self.lists:
                    if starts is None:
                        low = bisect_left(codes, where.start)
                        high = bisect_left(codes, where.end, low)
                    else:
                        low, high = starts[group], starts[group + 1]
                    for code in codes[low:high]:
                        found[code] = found.get(code, 0) + 1
            self._counts[group] = found
        return found

    def best(self, group: int) -> float:
        """The most that words add to the score of a member of a group."""
        found = self._best.get(group)
        if found is None:
            found = self.bonus(max(self.counts(group).values(), default=0))
            self._best[group] = found
        return found

    def sharing(self, group: int) -> list[tuple[float, int, int]]:
        """
        The members of a group that share words, best first: minus what their words
        add, their positions and their numbers of words.
        """
        found = self._sharing.get(group)
        if found is None:
            positions, bonus = self.shortlist.positions, self.bonus
            found = sorted((-bonus(n), positions[c], n) for c, n in self.counts(group).items())
            self._sharing[group] = found
        return found


def bits_of(codes: Iterable[int], size: int) -> int:
    """The codes (below *size*) as the bits of an integer."""
    found = bytearray(size // 8 + 1)
    for code in codes:
        found[code >> 3] |= 1 << (code & 7)
    return int.from_bytes(found, "little")


def members_of(bits: int) -> Iterator[int]:
    """The codes whose bits are set, in ascending order."""
    while bits:
        lowest = bits & -bits
        yield lowest.bit_length() - 1
        bits ^= lowest


class WordBits:
    """
    Items numbered from 0 with, for each word, the items using it as the bits of an
    integer (kept for the common words, made when asked for the others), so that the
    items using at least 1, 2, 3... of an interview's words take a few operations on
    whole sets of items.

    Args:
        size: How many items there are.
        words: For each word, the numbers of the items using it.
    """

    __slots__ = ("bits", "postings", "size")

    def __init__(self, size: int, words: Mapping[str, Sequence[int]]) -> None:
        self.size = size
        self.postings = words
        #: The common words' items as bits (see _BITS_FOR).
        self.bits: dict[str, int] = {
            word: bits_of(codes, size)
            for word, codes in words.items()
            if _BITS_FOR * len(codes) >= size
        }

    def levels(self, words: Iterable[str], most: int | None = None) -> list[int]:
        """
        For n = 1, 2, ... while some item uses n of *words* (up to *most*): the items
        that do.
        """
        at_least: list[int] = []
        for word in set(words):
            bits = self.bits.get(word)
            if bits is None:
                codes = self.postings.get(word)
                if not codes:
                    continue
                bits = bits_of(codes, self.size)
            if at_least and at_least[-1] & bits and (most is None or len(at_least) < most):
                at_least.append(at_least[-1] & bits)
            for level in range(len(at_least) - 1, 0, -1):
                at_least[level] |= at_least[level - 1] & bits
            if at_least:
                at_least[0] |= bits
            else:
                at_least.append(bits)
        return at_least


def _count_at_once(postings: int, groups: int, words: int) -> bool:
    """
    Whether to count every item's shared words at once (*postings* codes to count)
    rather than group by group (some of *groups*, each taking a step per word).
    """
    return 2 * postings <= groups * words


_EXACT, _STREAM, _TIER, _COUNTED, _PLAIN = range(5)
#: An entry of the heap: its key (a bound, or an exact key), a tie-breaker, its kind
#: and what it holds.
_Entry = tuple[Key, int, int, Any]


def merged(
    evaluate: Callable[[int, int], Key | None],
    *,
    overlap: Overlap | None = None,
    tiers: Mapping[float, Sequence[int]] | None = None,
    streams: Iterable[Stream] = (),
    extra: Iterable[tuple[Key, int]] = (),
) -> Iterator[tuple[Key, int]]:
    """
    Items in the order of their exact keys, looking at as few as that order allows.

    Args:
        evaluate: For a position and the number of the interview's words the item
            uses, its exact key (never better than its bound); ``None`` leaves it out.
        overlap: The overlap of the shortlist whose groups are in *tiers*.
        tiers: Groups of the shortlist (by index) by the most their members can score
            for the interview before their words: a member's exact score must be at
            most that plus ``overlap.bonus(its word count)``.
        streams: Further items, each stream in order of its bounds.
        extra: Items whose exact keys are known.

    Every item must come from one place only.

    Yields:
        ``(key, position)``, best first.
    """
    tie = itertools.count()
    heap: list[_Entry] = [(key, next(tie), _EXACT, position) for key, position in extra]
    if overlap is not None and tiers is not None:
        # Before a tier's words are counted by group, its bound has a member using
        # as many as any item does.
        for top, indexes in tiers.items():
            heap.append(((-(top + overlap.most), 0, -1), next(tie), _TIER, (top, indexes)))
    heapq.heapify(heap)
    for stream in streams:
        _push(heap, tie, stream)
    while heap:
        key, _, kind, payload = heapq.heappop(heap)
        if kind == _EXACT:
            yield key, payload
        elif kind == _STREAM:
            position, count, stream = payload
            _push(heap, tie, stream)
            exact = evaluate(position, count)
            if exact is None:
                continue
            if not heap or exact < heap[0][0]:
                yield exact, position
            else:
                heapq.heappush(heap, (exact, next(tie), _EXACT, position))
        else:
            assert overlap is not None  # the other kinds are groups
            _open(heap, tie, overlap, kind, payload)


def _open(
    heap: list[_Entry], tie: Iterator[int], overlap: Overlap, kind: int, payload: Any
) -> None:
    """Open a tier into its groups, or a group into its members."""
    if kind == _TIER:
        # Its groups, each under its bound with its members' words counted.
        top, indexes = payload
        for index in indexes:
            bound = (-(top + overlap.best(index)), 0, -1)
            heapq.heappush(heap, (bound, next(tie), _COUNTED, (index, top)))
    elif kind == _COUNTED:
        # Its members sharing words, each under its bound, and the others under a
        # bound good for the first of them (looked for when that comes first).
        index, top = payload
        _push(heap, tie, _sharing(overlap, index, top))
        first = overlap.shortlist.positions[overlap.shortlist.groups[index].start]
        heapq.heappush(heap, ((-top, 0, first), next(tie), _PLAIN, payload))
    else:
        _push(heap, tie, _plain(overlap, *payload))


def _push(heap: list[_Entry], tie: Iterator[int], stream: Stream) -> None:
    """Put the next item of *stream* into the heap under its bound."""
    following = next(stream, None)
    if following is not None:
        bound, position, count = following
        heapq.heappush(heap, (bound, next(tie), _STREAM, (position, count, stream)))


def _sharing(overlap: Overlap, index: int, top: float) -> Stream:
    """The members of a group that share words, in order of their bounds."""
    for bonus, position, count in overlap.sharing(index):
        yield (bonus - top, 0, position), position, count


def _plain(overlap: Overlap, index: int, top: float) -> Stream:
    """The members of a group that share no words, in order (of position and bound)."""
    positions = overlap.shortlist.positions
    group = overlap.shortlist.groups[index]
    sharing = overlap.counts(index)
    for code in range(group.start, group.end):
        if code not in sharing:
            position = positions[code]
            yield (-top, 0, position), position, 0
