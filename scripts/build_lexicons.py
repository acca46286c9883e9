#!/usr/bin/env python3
"""Regenerates the lexicons in dictionaries/ and the conflation sample in
tests/data/ from their open sources.

Sources (fetched by hand once, never at run time):

  * hunspell-ar 3.2 (Ayaspell), Debian package hunspell-ar, tri-licensed
    GPL-2.0 / LGPL-2.1 / MPL-1.1; used here under MPL-1.1:
        apt-get download hunspell-ar && dpkg-deb -x hunspell-ar_*.deb /tmp/hunspell-ar
  * stopwords-iso 0.7.1 (MIT), the PyPI package stopwordsiso:
        pip download stopwordsiso==0.7.1 --no-deps -d /tmp/sw && unzip -o /tmp/sw/*.whl -d /tmp/sw
  * spylls 0.1.7 (MPL-2.0), used only to parse hunspell's affix file:
        pip install spylls==0.1.7
  * dictionaries/sources/*: hand-written lists (MIT OR Apache-2.0):
    broken plurals, irregular verb forms, protected words, preferred verb
    lemmas, extra stems.

Run from the repository root:

    python3 scripts/build_lexicons.py /tmp/hunspell-ar/usr/share/hunspell /tmp/sw/stopwordsiso/stopwords-iso.json

Every entry is normalized with `sarf normalize --preset search` (the
lexicons' key form), then sorted by UTF-8 bytes and deduplicated.
"""

import hashlib
import json
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DICT = ROOT / "dictionaries"
ARABIC_WORD = re.compile(r"^[\u0621-\u064A\u0671-\u06D3]{2,}$")


def normalize(lines):
    """Normalizes each line with the crate's own binary (search preset)."""
    text = "".join(line + "\n" for line in lines)
    out = subprocess.run(
        ["cargo", "run", "--release", "-q", "--", "normalize", "--preset", "search"],
        input=text.encode(), capture_output=True, check=True, cwd=ROOT,
    ).stdout.decode()
    result = out.split("\n")[:-1]
    assert len(result) == len(lines), "normalize must keep one line per line"
    return result


def sort_key(s):
    return s.encode("utf-8")


def write(path, header, lines):
    body = "".join(line + "\n" for line in lines)
    path.write_text("".join("# " + h + "\n" for h in header) + body, encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(lines)} entries")


def read_dic(dic_path):
    """The hunspell .dic lines as (section, word, flags, morph alias)."""
    section = None
    entries = []
    for line in dic_path.read_text(encoding="utf-8").splitlines()[1:]:
        line = line.strip()
        if not line or line.startswith(":::"):
            continue
        if line.endswith(".dic"):
            section = line
            continue
        fields = line.split("\t")
        word, _, flags = fields[0].partition("/")
        alias = int(fields[1]) if len(fields) > 1 and fields[1].isdigit() else None
        entries.append((section, word, flags, alias))
    return entries


def read_morph_aliases(aff_path):
    """AM lines of the .aff file, 1-based, as dicts of field -> value."""
    aliases = [None]
    for line in aff_path.read_text(encoding="utf-8").splitlines():
        if line.startswith("AM ") and not line.startswith("AM 23624"):
            fields = {}
            for item in line[3:].split():
                key, _, value = item.partition(":")
                fields.setdefault(key, value)
            aliases.append(fields)
    return aliases


# The proclitic sequences Arabic allows: conjunction, preposition, article
# (ل + ال is written لل), or conjunction and future particle. hunspell-ar's
# affix file also generates impossible stacks (ولكال..., لب...), left out.
LEGAL_PREFIXES = {
    "", "و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك", "ول", "فل",
    "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "فبال", "وكال", "فكال",
    "س", "وس", "فس",
}


# Letters that inflection drops or changes: alef, waw, yeh and hamza (weak
# radicals and their seats), in key form.
WEAK_LETTERS = set("اويءئؤ")


def hollow_or_defective(lemma):
    """Whether the verb's root has a weak middle or last letter (اقام, اعطي),
    which its short forms lose."""
    root = lemma[-3:]
    return len(root) == 3 and (root[1] in "اوي" or root[2] in "اويى")


def kept_letters(lemma, form):
    """How many of the lemma's radicals the form keeps, in order: the longest
    common subsequence of the form and the lemma's last three strong letters
    after the augment that precedes the root (ت of تفعل, ان of انفعل, است of
    استفعل), weak letters left out."""
    for augment in ("است", "ان", "ت"):
        if lemma.startswith(augment) and len(lemma) - len(augment) >= 3:
            lemma = lemma[len(augment):]
            break
    strong = [c for c in lemma if c not in WEAK_LETTERS][-3:]
    previous = [0] * (len(form) + 1)
    for c in strong:
        row = [0]
        for j, f in enumerate(form):
            row.append(previous[j] + 1 if c == f else max(previous[j + 1], row[j]))
        previous = row
    return previous[-1]


def expand(aff, stem, flags):
    """Surface forms of a hunspell entry: at most one suffix, then the
    prefixes allowed by the entry or the suffix, keeping only legal
    proclitic sequences."""
    out = {stem}
    with_suffix = [(stem, set(flags))]
    for flag in flags:
        for sfx in aff.SFX.get(flag, []):
            if not sfx.cond_regexp.search(stem):
                continue
            form = (stem[: len(stem) - len(sfx.strip)] if sfx.strip else stem) + sfx.add
            out.add(form)
            with_suffix.append((form, set(flags) | set(sfx.flags)))
    for form, allowed in with_suffix:
        for flag in allowed:
            for pfx in aff.PFX.get(flag, []):
                if pfx.add not in LEGAL_PREFIXES:
                    continue
                if pfx.cond_regexp.search(form) and (form == stem or pfx.crossproduct):
                    out.add(pfx.add + (form[len(pfx.strip):] if pfx.strip else form))
    return out


def main():
    hunspell_dir, stopwords_json = Path(sys.argv[1]), Path(sys.argv[2])
    from spylls.hunspell import Dictionary

    entries = read_dic(hunspell_dir / "ar.dic")
    aliases = read_morph_aliases(hunspell_dir / "ar.aff")
    hunspell_header = [
        "Source: hunspell-ar 3.2 (Ayaspell project, ayaspell.sourceforge.net), Debian package hunspell-ar 3.2-1.2.",
        "Licence: MPL-1.1, chosen from the dictionary's GPL-2.0 / LGPL-2.1 / MPL-1.1 tri-licence;",
        "this file is a derived work under MPL-1.1 (the crate's code stays MIT OR Apache-2.0).",
        "Produced by scripts/build_lexicons.py; normalized with `sarf normalize --preset search`,",
        "sorted by UTF-8 bytes, one entry per line. Do not edit by hand: rerun the script.",
    ]

    # --- stems: noun entries and verb lemmas -------------------------------
    nouns = [w for s, w, _, _ in entries if s == "names.dic" and ARABIC_WORD.match(w)]
    verbs = [(w, aliases[a].get("st")) for s, w, _, a in entries if s == "verb.huns.dic" and a and a < len(aliases)]
    verbs = [(w, st) for w, st in verbs if st and ARABIC_WORD.match(w) and ARABIC_WORD.match(st)]
    lemmas = sorted({st for _, st in verbs})
    extra_source = DICT / "sources/extra-stems.txt"
    extra = [l for l in extra_source.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    stems = sorted(set(normalize(nouns + lemmas + extra)) - {""}, key=sort_key)
    stem_set = set(stems)
    write(
        DICT / "stems.txt",
        [
            "Known stems: noun entries (the names.dic section) and verb lemmas (st: fields) of hunspell-ar,",
            "and the nouns of sources/extra-stems.txt (written for sarf).",
        ] + hunspell_header,
        stems,
    )

    # --- exceptions: hand-written broken plurals and irregular verb forms --
    pairs = []
    for source in ["sources/broken-plurals.tsv", "sources/irregular-verbs.tsv"]:
        for line in (DICT / source).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                form, stem = line.split("\t")
                pairs.append((form, stem))
    normalized = normalize([p for p, _ in pairs] + [s for _, s in pairs])
    plurals, singulars = normalized[: len(pairs)], normalized[len(pairs):]
    exceptions = {}
    dropped = []
    for plural, singular in zip(plurals, singulars):
        if singular not in stem_set:
            dropped.append(singular)
        elif plural != singular:
            exceptions[plural] = singular
    lines = [f"{k}\t{v}" for k, v in sorted(exceptions.items(), key=lambda kv: sort_key(kv[0]))]
    write(
        DICT / "exceptions.txt",
        [
            "Exceptions: irregular forms no affix rule reaches, mapped to their stem (form<TAB>stem).",
            "Source: dictionaries/sources/broken-plurals.tsv and irregular-verbs.tsv, written for sarf;",
            "licence MIT OR Apache-2.0.",
            "Only pairs whose stem is in stems.txt are kept. Produced by scripts/build_lexicons.py;",
            "normalized with `sarf normalize --preset search`, sorted by UTF-8 bytes.",
        ],
        lines,
    )

    # --- verb forms -> lemma ------------------------------------------------
    # A form with one letter three times in a row (اتجننن, a doubled root
    # and the feminine plural ن written out) is written with a shadda in
    # practice; the `elongation` rule would read it as a stretched word.
    verbs = [(w, st) for w, st in verbs if not re.search(r"(.)\1\1", w)]
    verb_forms = normalize([w for w, _ in verbs])
    verb_lemmas = normalize([st for _, st in verbs])
    preferred_source = DICT / "sources/preferred-lemmas.txt"
    preferred = set(normalize([
        l for l in preferred_source.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")
    ]))
    lemma_of = {}
    for form, lemma in zip(verb_forms, verb_lemmas):
        lemma_of.setdefault(form, set()).add(lemma)
    verb_map = {}
    for form, candidates in lemma_of.items():
        if form in exceptions:
            continue  # hand-written
        # A form of several verbs (يكتب: كتب and اكتب): a lemma of
        # dictionaries/sources/preferred-lemmas.txt if there is one and the
        # form is not shorter than it, else the one whose radicals the form
        # keeps most of (تعلن keeps ع ل ن of اعلن, only ع ل of علا), else
        # the shortest, usually the base form I verb. The short forms of a
        # hollow or defective verb (the jussive تعد of اعاد, يرد of اراد)
        # are written like the forms of other roots (تعد: is considered,
        # يرد: replies), so its preference never reaches them.
        def rank(lemma):
            reaches = len(lemma) <= len(form) or not hollow_or_defective(lemma)
            preferred_here = lemma in preferred and reaches
            return (not preferred_here, -kept_letters(lemma, form), len(lemma), lemma)
        lemma = min(candidates, key=rank)
        if lemma != form:
            verb_map[form] = lemma
    lines = [f"{k}\t{v}" for k, v in sorted(verb_map.items(), key=lambda kv: sort_key(kv[0]))]
    write(
        DICT / "verbs.txt",
        [
            "Verb forms mapped to their lemma (form<TAB>lemma): the conjugated forms of hunspell-ar's",
            "verb.huns.dic section with the st: field of their morphological alias; where a form",
            "belongs to several verbs, the shortest lemma or one of sources/preferred-lemmas.txt.",
            "The stemmer consults it after the stems (so nouns stay nouns), except after the future",
            "particle.",
        ] + hunspell_header,
        lines,
    )
    if dropped:
        print("broken plurals dropped, singular not a known stem:", " ".join(dropped))

    # --- stopwords -----------------------------------------------------------
    stopwords = json.loads(stopwords_json.read_text(encoding="utf-8"))["ar"]
    stopwords = [w for w in stopwords if ARABIC_WORD.match(w.replace("\u064B", "").replace("\u064E", "").replace("\u0651", "").replace("\u064F", "").replace("\u0650", "").replace("\u0652", "").replace("\u064C", "").replace("\u064D", ""))]
    content_source = DICT / "sources/stopwords-content.txt"
    content = [l for l in content_source.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    content = set(normalize(content))
    listed = set(normalize(stopwords))
    unknown = content - listed
    assert not unknown, f"sources/stopwords-content.txt names words stopwords-iso lacks: {unknown}"
    stopwords = sorted(listed - content - {""}, key=sort_key)
    write(
        DICT / "stopwords.txt",
        [
            "Stopwords: the Arabic list of stopwords-iso 0.7.1 (github.com/stopwords-iso, PyPI stopwordsiso),",
            "less the content words of sources/stopwords-content.txt (written for sarf).",
            "Licence: MIT (Copyright (c) 2016 Gene Diaz).",
            "Produced by scripts/build_lexicons.py; normalized with `sarf normalize --preset search`,",
            "sorted by UTF-8 bytes. Do not edit by hand: rerun the script.",
        ],
        stopwords,
    )

    # --- protected words -----------------------------------------------------
    source = DICT / "sources/protected-words.txt"
    words = [l for l in source.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    protected = sorted(set(normalize(words)) - {""}, key=sort_key)
    write(
        DICT / "protected.txt",
        [
            "Protected words, never stemmed: proper names, loanwords, months and function words",
            "whose letters look like affixes. Source: dictionaries/sources/protected-words.txt,",
            "written for sarf. Licence: MIT OR Apache-2.0. Produced by scripts/build_lexicons.py;",
            "normalized with `sarf normalize --preset search`, sorted by UTF-8 bytes.",
        ],
        protected,
    )

    # --- conflation sample -----------------------------------------------------
    dictionary = Dictionary.from_files(str(hunspell_dir / "ar"))
    aff = dictionary.aff
    rng = random.Random(20261129)
    groups = []
    # The .dic sections, in file order, to tell noun entries from verb forms.
    section = None
    by_stem, verb_words = {}, {}
    for word in dictionary.dic.words:
        if word.stem.endswith(".dic"):
            section = word.stem
        elif section == "names.dic":
            by_stem.setdefault(word.stem, []).append(word)
        elif section == "verb.huns.dic":
            verb_words.setdefault(word.stem, []).append(word)
    for noun in rng.sample(sorted(set(nouns)), 1500):
        forms = set()
        for word in by_stem.get(noun, []):
            forms |= expand(aff, word.stem, word.flags)
        groups.append(("n", noun, sorted(forms)))
    forms_of_lemma = {}
    for form, lemma in verbs:
        forms_of_lemma.setdefault(lemma, set()).add(form)
    for lemma in rng.sample(sorted(forms_of_lemma), 500):
        forms = set()
        for form in forms_of_lemma[lemma]:
            for word in verb_words.get(form, []):
                forms |= expand(aff, word.stem, word.flags)
        groups.append(("v", lemma, sorted(forms)))
    rows = []
    for kind, lemma, forms in groups:
        forms = [f for f in forms if ARABIC_WORD.match(f)]
        sample = rng.sample(forms, min(12, len(forms)))
        split = "heldout" if int(hashlib.sha1(lemma.encode()).hexdigest(), 16) % 2 else "dev"
        rows += [(f, f"{kind}:{lemma}", split) for f in sample]
    normalized_forms = normalize([f for f, _, _ in rows])
    normalized_groups = normalize([g.split(":", 1)[1] for _, g, _ in rows])
    lines = [
        f"{form}\t{g[0]}:{group}\t{split}"
        for form, group, (_, g, split) in zip(normalized_forms, normalized_groups, rows)
    ]
    header = [
        "Conflation sample: word forms grouped by their dictionary entry (n: noun entry, v: verb lemma),",
        "expanded from hunspell-ar 3.2 entries with their affix rules, one suffix and legal proclitics",
        "only (scripts/build_lexicons.py,",
        "seed 20261129; 1500 noun entries, 500 verb lemmas, up to 12 forms each).",
        "Columns: form, entry, split. 'heldout' entries were never looked at while tuning the stemmer.",
        "Licence: MPL-1.1 (derived from hunspell-ar, see dictionaries/stems.txt).",
    ]
    (ROOT / "tests/data/conflation.tsv").write_text(
        "".join("# " + h + "\n" for h in header) + "".join(l + "\n" for l in lines), encoding="utf-8"
    )
    print(f"tests/data/conflation.tsv: {len(lines)} forms in {len(groups)} groups")


if __name__ == "__main__":
    main()
