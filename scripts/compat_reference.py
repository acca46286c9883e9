#!/usr/bin/env python3
"""Reference transcriptions of the tools sarf's compatibility presets copy.

Each function follows the published source of the tool, character by
character, with no sarf code involved:

* `lucene_normalize`: org.apache.lucene.analysis.ar.ArabicNormalizer
  (Apache Lucene, lucene/analysis/common), the `normalize(char[], int)` loop.
* `lucene_stem`: org.apache.lucene.analysis.ar.ArabicStemmer: one prefix
  (the first that matches, in list order), then every suffix in list order.
* `camel_normalize`: CAMeL Tools' `dediac_ar`, `normalize_alef_ar`,
  `normalize_alef_maksura_ar` and `normalize_teh_marbuta_ar`
  (camel_tools/utils/dediac.py, normalize.py, charsets.py), applied in
  that order.

Used to produce and check tests/data/news-ar.{lucene,camel}.txt and by the
Python module's tests:

    python3 scripts/compat_reference.py lucene < tests/data/news-ar.txt
    python3 scripts/compat_reference.py camel < tests/data/news-ar.txt
    python3 scripts/compat_reference.py lucene-stem < words.txt
"""

import re
import sys

# ArabicNormalizer: U+0622 U+0623 U+0625 -> U+0627, U+0649 -> U+064A,
# U+0629 -> U+0647; U+0640 and U+064B..U+0652 deleted.
_LUCENE_MAP = {0x0622: "\u0627", 0x0623: "\u0627", 0x0625: "\u0627",
               0x0649: "\u064a", 0x0629: "\u0647"}
_LUCENE_DELETE = {0x0640} | set(range(0x064B, 0x0653))


def lucene_normalize(text):
    out = []
    for c in text:
        cp = ord(c)
        if cp in _LUCENE_DELETE:
            continue
        out.append(_LUCENE_MAP.get(cp, c))
    return "".join(out)


_LUCENE_PREFIXES = ["\u0627\u0644", "\u0648\u0627\u0644", "\u0628\u0627\u0644",
                    "\u0643\u0627\u0644", "\u0641\u0627\u0644", "\u0644\u0644",
                    "\u0648"]
_LUCENE_SUFFIXES = ["\u0647\u0627", "\u0627\u0646", "\u0627\u062a",
                    "\u0648\u0646", "\u064a\u0646", "\u064a\u0647",
                    "\u064a\u0629", "\u0647", "\u0629", "\u064a"]


def _utf16_len(word):
    # Lucene counts UTF-16 code units (Java chars).
    return len(word.encode("utf-16-le")) // 2


def lucene_stem(word):
    n = _utf16_len(word)
    for prefix in _LUCENE_PREFIXES:
        if len(prefix) == 1 and n < 4:
            continue
        if n < len(prefix) + 2:
            continue
        if word.startswith(prefix):
            word = word[len(prefix):]
            break
    for suffix in _LUCENE_SUFFIXES:
        n = _utf16_len(word)
        if n >= len(suffix) + 2 and word.endswith(suffix):
            word = word[:-len(suffix)]
    return word


# charsets.AR_DIAC_CHARSET
_CAMEL_DIAC_RE = re.compile("[\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670]")
# normalize._ALEF_NORMALIZE_AR_RE
_CAMEL_ALEF_RE = re.compile("[\u0625\u0623\u0671\u0622]")


def camel_normalize(text):
    text = _CAMEL_DIAC_RE.sub("", text)
    text = _CAMEL_ALEF_RE.sub("\u0627", text)
    text = text.replace("\u0649", "\u064a")
    return text.replace("\u0629", "\u0647")


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    data = sys.stdin.buffer.read().decode("utf-8")
    if mode == "lucene":
        out = lucene_normalize(data)
    elif mode == "camel":
        out = camel_normalize(data)
    elif mode == "lucene-stem":
        out = "".join(lucene_stem(w) + "\n" for w in data.split())
    else:
        sys.exit("usage: compat_reference.py lucene|camel|lucene-stem < input")
    sys.stdout.buffer.write(out.encode("utf-8"))


if __name__ == "__main__":
    main()
