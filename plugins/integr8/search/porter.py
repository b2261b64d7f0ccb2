"""The Porter stemmer exactly as lunr.js 2.3.9 implements it (``lunr.stemmer``).

English queries are stemmed in the browser by lunr.js; the index must hold the same stems.
Neither lunr.py's own stemmer nor Snowball's "porter" and "english" agree with lunr.js on every
word (lunr.js keeps ``always``, ``day`` and ``as``; they make ``alwai``, ``dai`` and ``a``), so
this is a line-by-line port of lunr.js's regular expressions. tests/test_search_parity.py stems
the site's whole English vocabulary with both and compares.
"""

from __future__ import annotations

import re

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
    "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
    "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
    "iviti": "ive", "biliti": "ble", "logi": "log",
}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}

_c = "[^aeiou]"  # consonant
_v = "[aeiouy]"  # vowel
_C = _c + "[^aeiouy]*"  # consonant sequence
_V = _v + "[aeiou]*"  # vowel sequence

_MGR0 = re.compile("^(" + _C + ")?" + _V + _C)  # [C]VC... is m>0
_MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")  # [C]VC[V] is m=1
_MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)  # [C]VCVC... is m>1
_S_V = re.compile("^(" + _C + ")?" + _v)  # vowel in stem

_1A = re.compile(r"^(.+?)(ss|i)es$")
_1A2 = re.compile(r"^(.+?)([^s])s$")
_1B = re.compile(r"^(.+?)eed$")
_1B2 = re.compile(r"^(.+?)(ed|ing)$")
_LAST = re.compile(r".$")
_1B_AT = re.compile(r"(at|bl|iz)$")
_1B_DOUBLE = re.compile(r"([^aeiouylsz])\1$")
_1B_CVC = re.compile("^" + _C + _v + "[^aeiouwxy]$")
_1C = re.compile(r"^(.+?[^aeiou])y$")
_2 = re.compile(r"^(.+?)(" + "|".join(_STEP2) + ")$")
_3 = re.compile(r"^(.+?)(" + "|".join(_STEP3) + ")$")
_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$")
_4B = re.compile(r"^(.+?)(s|t)(ion)$")
_5 = re.compile(r"^(.+?)e$")
_5_LL = re.compile(r"ll$")
_5_CVC = re.compile("^" + _C + _v + "[^aeiouwxy]$")


def _len_js(word: str) -> int:
    """String length as JavaScript counts it (UTF-16 code units)."""
    return len(word.encode("utf-16-le")) // 2


def stem(w: str) -> str:
    if _len_js(w) < 3:
        return w
    first = w[0]
    if first == "y":
        w = "Y" + w[1:]

    # Step 1a
    if _1A.search(w):
        w = _1A.sub(r"\1\2", w, count=1)
    elif _1A2.search(w):
        w = _1A2.sub(r"\1\2", w, count=1)

    # Step 1b
    match = _1B.search(w)
    if match:
        if _MGR0.search(match.group(1)):
            w = _LAST.sub("", w, count=1)
    else:
        match = _1B2.search(w)
        if match:
            stem_ = match.group(1)
            if _S_V.search(stem_):
                w = stem_
                if _1B_AT.search(w):
                    w += "e"
                elif _1B_DOUBLE.search(w):
                    w = _LAST.sub("", w, count=1)
                elif _1B_CVC.search(w):
                    w += "e"

    # Step 1c: y after a consonant that is not the first letter becomes i
    match = _1C.search(w)
    if match:
        w = match.group(1) + "i"

    # Step 2
    match = _2.search(w)
    if match and _MGR0.search(match.group(1)):
        w = match.group(1) + _STEP2[match.group(2)]

    # Step 3
    match = _3.search(w)
    if match and _MGR0.search(match.group(1)):
        w = match.group(1) + _STEP3[match.group(2)]

    # Step 4
    match = _4.search(w)
    if match:
        if _MGR1.search(match.group(1)):
            w = match.group(1)
    else:
        match = _4B.search(w)
        if match and _MGR1.search(match.group(1) + match.group(2)):
            w = match.group(1) + match.group(2)

    # Step 5
    match = _5.search(w)
    if match:
        stem_ = match.group(1)
        if _MGR1.search(stem_) or (_MEQ1.search(stem_) and not _5_CVC.search(stem_)):
            w = stem_
    if _5_LL.search(w) and _MGR1.search(w):
        w = _LAST.sub("", w, count=1)

    if first == "y":
        w = "y" + w[1:]
    return w
