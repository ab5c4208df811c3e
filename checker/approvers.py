"""Approvers: whether the person named as approving something is independent of it.

Waivers and scope approvals both ask one question, answered here once: does this approver
name that owner? Names are compared as a reader sees them, not as bytes: Unicode NFKC,
accents, zero-width and other invisible format characters removed, Cyrillic and Greek
letters that look Latin folded to Latin, case and punctuation ignored. An approver *names*
an owner when the owner's words appear, in order and as whole words, inside the approver's
(``G. Slope, Head of ICT Security``, ``Head of ICT Security (acting)``), spacing aside.
A placeholder (``-``, ``N/A``, ``x``, ``tbc``, ``none``, one character) names nobody.
"""

from __future__ import annotations

import re
import unicodedata

#: Letters of other scripts that look like Latin ones, as they are written (case matters:
#: Greek capital Nu looks like N, its small letter like v).
_LOOKALIKES = str.maketrans({
    # Cyrillic capitals
    "\u0410": "A", "\u0412": "B", "\u0421": "C", "\u0415": "E", "\u041d": "H", "\u0406": "I",
    "\u0408": "J", "\u041a": "K", "\u041c": "M", "\u041e": "O", "\u0420": "P", "\u0405": "S",
    "\u0422": "T", "\u0423": "Y", "\u04ae": "Y", "\u0425": "X", "\u051a": "Q", "\u051c": "W",
    # Cyrillic small letters
    "\u0430": "a", "\u0441": "c", "\u0501": "d", "\u0435": "e", "\u04bb": "h", "\u0456": "i",
    "\u0458": "j", "\u04cf": "l", "\u043e": "o", "\u0440": "p", "\u051b": "q", "\u0455": "s",
    "\u0443": "y", "\u051d": "w", "\u0445": "x",
    # Greek capitals
    "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0396": "Z", "\u0397": "H", "\u0399": "I",
    "\u039a": "K", "\u039c": "M", "\u039d": "N", "\u039f": "O", "\u03a1": "P", "\u03a4": "T",
    "\u03a5": "Y", "\u03a7": "X",
    # Greek small letters
    "\u03b1": "a", "\u03b9": "i", "\u03ba": "k", "\u03bd": "v", "\u03bf": "o", "\u03c1": "p",
    "\u03c5": "u", "\u03c7": "x",
})
#: Words that stand in for a name without giving one.
_PLACEHOLDERS = frozenset({"na", "n a", "tbc", "tbd", "tba", "none", "nobody", "unknown",
                           "todo", "pending", "null", "nil"})
_WORD = re.compile(r"[^\W_]+")


def words(name: str) -> tuple[str, ...]:
    """The words of ``name`` as compared: folded as the module says, in order."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name))
    text = "".join(c for c in text if unicodedata.category(c) not in ("Mn", "Cf"))
    text = unicodedata.normalize("NFKC", text).translate(_LOOKALIKES).casefold()
    return tuple(_WORD.findall(text))


def placeholder(name: str) -> bool:
    """Whether ``name`` gives no name: blank, one character (or one repeated), or a
    stand-in such as ``N/A``, ``-``, ``tbc``, ``none``."""
    said = words(name)
    letters = "".join(said)
    return len(set(letters)) <= 1 or " ".join(said) in _PLACEHOLDERS


def names(approver: str, owner: str) -> bool:
    """Whether ``approver`` is, or names, ``owner``: the owner's words appear in order, as
    whole words, in the approver's (a space added or lost between or inside words aside)."""
    wanted = "".join(words(owner))
    said = words(approver)
    if not wanted:
        return False
    text = "".join(said)
    starts, ends, position = set(), set(), 0
    for word in said:
        starts.add(position)
        position += len(word)
        ends.add(position)
    return any(text.startswith(wanted, start) and start + len(wanted) in ends
               for start in starts)


def same_person(first: str, second: str) -> bool:
    """Whether either name names the other (``Head of ICT Security`` and
    ``Head of ICT Security (acting)``)."""
    return names(first, second) or names(second, first)
