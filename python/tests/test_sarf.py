"""The Python module against the Rust library's expected files and the
published algorithms of the tools the compatibility presets copy."""

import importlib.util
import pickle
import random
import re
import sys
import threading
import time
import warnings

import pytest

import sarf
from conftest import REPO

PRESETS = ["search", "nlp", "display", "lucene", "camel", "quran"]


def compat_reference():
    spec = importlib.util.spec_from_file_location(
        "compat_reference", REPO / "scripts" / "compat_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_presets_are_listed():
    assert sarf.presets() == PRESETS
    assert sarf.stem_modes() == ["lexicon", "light", "lucene", "surface"]


@pytest.mark.parametrize("preset", PRESETS)
def test_normalize_matches_the_rust_golden_files(data, preset):
    # The same files tests/it/golden.rs checks the Rust library against.
    text = data("news-ar.txt")
    expected = data(f"news-ar.{preset}.txt")
    assert sarf.Normalizer(preset).normalize(text) == expected
    assert sarf.normalize(text, preset=preset) == expected


def test_quran_preset_reads_uthmani_spelling(data):
    # tests/data/quran-uthmani.quran.txt is checked by tests/it/uthmani.rs.
    text = data("quran-uthmani.txt")
    assert sarf.Normalizer("quran").normalize(text) == data("quran-uthmani.quran.txt")
    # Each word-level rule is a switch like the others.
    rules = sarf.Normalizer(superscript_alef="plain_spelling", hamza_seats=True,
                            small_letters=True, article_lam=True)
    assert rules.config == sarf.Normalizer("quran").config
    assert sarf.Normalizer("quran").normalize("ٱلصَّلَوٰةَ وَءَاتُواْ") == "الصلاه واتوا"
    # The analyzer stems what the preset reads: Uthmani and plain spelling
    # give the same stems.
    analyzer = sarf.Analyzer(preset="quran")
    assert analyzer.stems("ٱلۡعَٰلَمِينَ ءَامَنُواْ") == analyzer.stems("العالمين آمنوا")


def test_stems_match_the_rust_cli_on_the_fixture(data):
    # tests/data/news-ar.stems.txt is `sarf stem tests/data/news-ar.txt`,
    # checked by tests/it/cli.rs.
    analyzer = sarf.Analyzer()
    lines = data("news-ar.txt").split("\n")
    expected = data("news-ar.stems.txt").split("\n")
    assert [" ".join(analyzer.stems(line)) for line in lines] == expected
    assert [" ".join(s) for s in sarf.stem_batch(lines)] == expected


# Elongation as the rule is specified ("a run of three or more of the same
# letter becomes one"), written as a regular expression over the Arabic
# letters. CAMeL Tools, named as the model of this rule, has no elongation
# function in its published source (camel_tools/utils/normalize.py and
# utils/dediac.py hold none), so the rule is checked against its
# specification, on text shaped like social-media posts.
_ARABIC_LETTER = "[\u0620-\u063f\u0641-\u064a\u066e-\u06d3\u06d5\u0750-\u077f]"
_ELONGATED = re.compile(f"({_ARABIC_LETTER})\\1{{2,}}")


def reference_elongation(text):
    return _ELONGATED.sub(r"\1", text)


def tweets_like(seed, n=400):
    rng = random.Random(seed)
    words = ["جميل", "كتير", "هه", "والله", "مميز", "يا", "حلو", "الله", "ممتاز", "لا", "حبيبي",
             "شكرا", "اووه", "واو", "#مصر", "@user", "123", "٣٣٣", "sooo", "!!!", "😂😂😂"]
    out = []
    for _ in range(n):
        word = rng.choice(words)
        if rng.random() < 0.4:
            i = rng.randrange(len(word))
            word = word[:i] + word[i] * rng.randint(2, 9) + word[i + 1:]
        out.append(word)
    return " ".join(out)


def test_elongation_follows_its_specification():
    # No other rule touches these texts under `display` plus the rule.
    n = sarf.Normalizer("display", elongation=True)
    for seed in range(20):
        text = tweets_like(seed)
        assert n.normalize(text) == reference_elongation(text)
    assert sarf.normalize("جمييييل كتييير هههههه مميز") == "جميل كتير ه مميز"
    assert sarf.Normalizer("nlp").normalize("جمييييل") == "جمييييل"
    assert sarf.Normalizer("display").config["elongation"] is False


def test_compatibility_presets_equal_the_published_algorithms(data):
    ref = compat_reference()
    text = data("news-ar.txt") + "\nكَتَبَ ـ آمن إسلام ٱلحمد هٰذا مستشفى \u0627\u0654 ۴"
    assert sarf.normalize(text, preset="lucene") == ref.lucene_normalize(text)
    assert sarf.normalize(text, preset="camel") == ref.camel_normalize(text)
    stemmer = sarf.Stemmer("lucene")
    for word in sarf.normalize(text, preset="lucene").split():
        assert stemmer.stem(word) == ref.lucene_stem(word), word


def test_rule_keywords_and_config_dicts():
    assert sarf.normalize("مدرسة على") == "مدرسه علي"
    assert sarf.normalize("مدرسة على", teh_marbuta=False) == "مدرسة علي"
    assert sarf.Normalizer("nlp").normalize("مدرسة على") == "مدرسة على"
    n = sarf.Normalizer(config={"diacritics": "keep_shadda", "alef": "hamza_madda"})
    assert n.normalize("مُدَرِّس ٱلأب") == "مدرّس ٱلاب"
    assert n.config["alef"] == "hamza_madda"
    with pytest.raises(ValueError, match="tatwel"):
        sarf.Normalizer(tatwel=True)
    with pytest.raises(ValueError, match="serch"):
        sarf.Normalizer("serch")


def test_config_file(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text('teh_marbuta = false\ndigits = "keep"\n', encoding="utf-8")
    assert sarf.Normalizer(config=str(path)).normalize("مدرسة ١٢") == "مدرسة ١٢"
    with pytest.raises(ValueError, match="missing.toml"):
        sarf.Normalizer(config=str(tmp_path / "missing.toml"))


def test_unchanged_text_and_other_scripts_pass_through():
    n = sarf.Normalizer()
    for text in ["", "hello", "日本語", "كتاب", "emoji 😀"]:
        assert n.normalize(text) == text


def test_tokenize_gives_string_indices():
    text = "😀 كتابٌ جديد، 12.5 و test"
    tokens = sarf.tokenize(text)
    assert [t[0] for t in tokens] == ["كتابٌ", "جديد", "12.5", "و", "test"]
    for token, start, end in tokens:
        assert text[start:end] == token
    # Repeated tokens (each distinct one is made into a str once).
    assert sarf.tokenize("كتاب و كتاب و") == [("كتاب", 0, 4), ("و", 5, 6), ("كتاب", 7, 11), ("و", 12, 13)]


def test_analyzer_tokens():
    text = "ذهبَ الطالبُ إلى المدرسةِ"
    tokens = sarf.Analyzer().analyze(text)
    assert [t["stem"] for t in tokens] == ["ذهب", "طالب", "الي", "مدرسه"]
    assert [t["stopword"] for t in tokens] == [False, False, True, False]
    for t in tokens:
        assert text[t["start"]:t["end"]] == t["surface"]
    assert sarf.Analyzer(drop_stopwords=True).stems(text) == ["ذهب", "طالب", "مدرسه"]
    assert sarf.Analyzer(stem=False).stems(text) == ["ذهب", "الطالب", "الي", "المدرسه"]
    assert sarf.Analyzer("lucene").stems("وبالكتاب والمعلمون") == ["بالكتاب", "معلم"]


def test_analyzer_token_dicts_whole():
    # Every field of every token; the repeated word and the two numbers
    # check that strings made once per call are not mixed up.
    def token(surface, start, end, normalized, stem, kind):
        return {"surface": surface, "start": start, "end": end, "normalized": normalized,
                "stem": stem, "kind": kind, "stopword": False}

    assert sarf.Analyzer().analyze("الكتابُ 12 الكتاب abc ٣٤") == [
        token("الكتابُ", 0, 7, "الكتاب", "كتاب", "arabic"),
        token("12", 8, 10, "12", "12", "number"),
        token("الكتاب", 11, 17, "الكتاب", "كتاب", "arabic"),
        token("abc", 18, 21, "abc", "abc", "other"),
        token("٣٤", 22, 24, "34", "34", "number"),
    ]


def test_tokens_split_by_normalization_keep_their_offsets():
    # zwnj="space" splits می‌خواهم in two; both parts carry the whole
    # token's offsets, however many parts there are.
    text = "سلام می\u200cخواهم کتاب " + "\u200c".join(["ب"] * 50)
    tokens = sarf.Analyzer(zwnj="space").analyze(text)
    assert [t["normalized"] for t in tokens[:4]] == ["سلام", "مي", "خواهم", "كتاب"]
    assert tokens[1]["surface"] == tokens[2]["surface"] == "می\u200cخواهم"
    assert len(tokens) == 4 + 50
    for t in tokens:
        assert text[t["start"]:t["end"]] == t["surface"]


def test_stemmer():
    s = sarf.Stemmer()
    assert s.stem("والكتاب") == "كتاب"
    assert s.stem("وزير") == "وزير"
    assert s.analyze("والكتاب") == {
        "prefix": "وال", "stem": "كتاب", "suffix": "", "decision": "known_stem",
        "stopword": False}
    # An inflected stopword keeps its flag and gets its stem.
    assert s.analyze("وكانت") == {
        "prefix": "و", "stem": "كان", "suffix": "ت", "decision": "known_stem",
        "stopword": True}
    assert s.analyze("في")["decision"] == "stopword"
    assert s.is_stopword("في")
    assert sarf.Stemmer("light").stem("وزير") == "زير"
    with pytest.raises(ValueError, match="porter"):
        sarf.Stemmer("porter")


def test_batches_keep_order_and_match_single_calls(data):
    lines = data("news-ar.txt").split("\n") * 20
    n = sarf.Normalizer()
    expected = [n.normalize(line) for line in lines]
    assert n.normalize_batch(lines) == expected
    assert n.normalize_batch(lines, threads=1) == expected
    assert sarf.normalize_batch(lines) == expected
    analyzer = sarf.Analyzer()
    assert analyzer.stems_batch(lines, threads=2) == [analyzer.stems(line) for line in lines]
    assert n.normalize_batch([]) == []
    with pytest.raises(ValueError):
        n.normalize_batch(lines, threads=0)
    with pytest.raises(TypeError):
        n.normalize_batch([1, 2])


def test_strs_of_every_shape_cross_into_rust_and_back_unchanged(data):
    # Strs of every width reach the library and come back: a leading U+FEFF
    # (a byte order mark to a UTF-16 codec), characters beyond the BMP
    # (surrogate pairs in UTF-16), ASCII, empty strs, texts
    # longer than a piece of a batch and more texts than a piece holds.
    rng = random.Random(7)
    alphabet = ["\ufeff", "\U0001F600", "\U00010FFF", "a", " ", "\n", "é", "ك", "ی",
                "\u064B", "\u0640", "\u200c", "١", "ﻻ"]
    texts = ["", "\ufeff", "\ufeffكتاب", "abc", data("news-ar.txt") * 40]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(30))) for _ in range(3000)]
    n = sarf.Normalizer()
    single = [n.normalize(t) for t in texts]
    assert n.normalize_batch(texts, threads=1) == single
    assert n.normalize_batch(texts, threads=3) == single
    analyzer = sarf.Analyzer()
    stems = [analyzer.stems(t) for t in texts]
    assert analyzer.stems_batch(texts, threads=2) == stems
    assert [t["stem"] for t in analyzer.analyze(texts[2])] == stems[2] == ["كتاب"]
    # The code units themselves, not only their equality after the round
    # trip: leading U+FEFFs and an astral character survive a normalizer
    # that keeps them and changes the text (tatweel).
    keep = sarf.Normalizer("display", format_controls=False)
    for text in ["\ufeffكـتاب\U0001F600", "\ufeff\ufeffa\u0640b"]:
        expected = text.replace("\u0640", "")
        assert keep.normalize(text) == expected
        assert keep.normalize_batch([text, text]) == [expected, expected]
    # A text the normalizer leaves alone is handed back, not copied; a str
    # subclass comes back as a plain str, as a changed text does.
    plain = "".join(["ascii ", "only"])
    assert n.normalize(plain) is plain
    assert n.normalize_batch([plain])[0] is plain

    class Text(str):
        pass

    for text in [Text("ascii"), Text("كتاب")]:
        assert type(n.normalize(text)) is str and n.normalize(text) == n.normalize(str(text))
        assert [type(t) for t in n.normalize_batch([text])] == [str]
    # Lone surrogates are refused as Python's encoders refuse them.
    for call in (n.normalize, analyzer.stems):
        with pytest.raises(UnicodeEncodeError):
            call("a\ud800b")
    with pytest.raises(UnicodeEncodeError):
        n.normalize_batch(["ok", "a\udfffb"])
    # Found after pieces of the batch are already on the pool: the error
    # still comes out, and the next call finds the pool free.
    with pytest.raises(UnicodeEncodeError):
        analyzer.stems_batch(texts * 3 + ["a\ud800b"], threads=2)
    assert analyzer.stems_batch(texts, threads=2) == stems
    with pytest.raises(TypeError):
        analyzer.stems_batch(["ok", None])


def test_results_are_strs_in_python_s_own_form():
    # CPython keeps a str in the narrowest of one, two or four bytes a
    # character and compares strs of different widths as unequal, so a
    # result made by the module must be in that form: equal to, and hashing
    # as, the same text made by Python, whatever the input's width was.
    keep = sarf.Normalizer("display", format_controls=False)
    cases = {
        "a\u0640b": "ab",  # two bytes a character in, ASCII out
        "\xe9\u0640": "\xe9",  # two bytes in, one byte (Latin-1) out
        "\U0001F600\u0640\xe9": "\U0001F600\xe9",  # four bytes in and out
        "\U0001F600\u0640": "\U0001F600",
        "\U0001F600\u0640\u0643": "\U0001F600\u0643",
        "\u0643\u0640\U0001F600": "\u0643\U0001F600",
        "\u0643\u0640\xe9": "\u0643\xe9",  # two bytes in and out
    }
    for text, expected in cases.items():
        expected = "".join(list(expected))  # made by Python
        for result in [keep.normalize(text), *keep.normalize_batch([text, text], threads=2)]:
            assert result == expected and hash(result) == hash(expected), ascii(text)
            assert {result: 1}.get(expected) == 1
            assert len(result) == len(expected)
    # Every width on the way in: Latin-1 (é, one byte a character, not UTF-8),
    # a str subclass (its characters kept apart from the object), texts
    # whose only change is at the end.
    search = sarf.Normalizer()

    class Text(str):
        pass

    for text in ["caf\xe9 \xe0 \xff", Text("\u0643\u064e\u062a\u0628"), Text("\xe9\u0640"), "x" * 100 + "\u0640"]:
        expected = search.normalize(str(text) + "")
        assert search.normalize(text) == expected
        assert search.normalize_batch([text], threads=2) == [expected]
    assert search.normalize("caf\xe9") == "caf\xe9"
    # Two surrogates in a row are two characters, not a pair: refused, as
    # Python's encoder refuses them, on every path.
    pair = "a\ud83d\ude00b"
    with pytest.raises(UnicodeEncodeError):
        pair.encode("utf-8")
    for call in (search.normalize, sarf.Analyzer().stems):
        with pytest.raises(UnicodeEncodeError):
            call(pair)
    for threads in (1, 2):
        with pytest.raises(UnicodeEncodeError):
            search.normalize_batch(["ok", "\U0001F600\udc00"], threads=threads)


def test_batches_on_many_pool_sizes_give_the_same_results(data):
    # Pools are kept per size (at most four): sizes one to six, twice,
    # make some and drop some, and every call answers the same.
    lines = data("news-ar.txt").split("\n") * 5
    analyzer = sarf.Analyzer()
    expected = [analyzer.stems(line) for line in lines]
    for threads in [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]:
        assert analyzer.stems_batch(lines, threads=threads) == expected


def _stems_on_pools(lines):
    return [sarf.stem_batch(lines, threads=2), sarf.stem_batch(lines)]


def test_a_forked_child_makes_its_own_pools(data):
    # The parent's pools (two threads, and the default) are copied into a
    # forked child without their threads: the child must make its own,
    # not wait forever.
    import multiprocessing

    lines = data("news-ar.txt").split("\n") * 5
    expected = _stems_on_pools(lines)
    with warnings.catch_warnings():
        # Python warns that forking a process with threads may deadlock:
        # that is the case under test.
        warnings.simplefilter("ignore", DeprecationWarning)
        with multiprocessing.get_context("fork").Pool(1) as pool:
            result = pool.apply_async(_stems_on_pools, (lines,))
            assert result.get(timeout=60) == expected


def test_batch_releases_the_gil(data):
    # Another Python thread runs while the batch works: it could not take a
    # single timestamp inside the call if the GIL were held throughout.
    lines = data("news-ar.txt").split("\n") * 3000
    n = sarf.Normalizer()
    stamps = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            stamps.append(time.perf_counter())
            stop.wait(0.0005)

    ticker = threading.Thread(target=tick)
    ticker.start()
    time.sleep(0.01)
    start = time.perf_counter()
    n.normalize_batch(lines, threads=1)
    end = time.perf_counter()
    stop.set()
    ticker.join()
    assert any(start < s < end for s in stamps), f"no tick in {end - start:.3f} s"


def test_objects_pickle_as_their_configuration():
    for obj, call, arg in [
        (sarf.Normalizer("nlp", teh_marbuta=True), "normalize", "مدرسة على"),
        (sarf.Stemmer("light"), "stem", "والكتاب"),
        (sarf.Analyzer("camel", drop_stopwords=True), "stems", "في المدرسةِ"),
    ]:
        copy = pickle.loads(pickle.dumps(obj))
        assert type(copy) is type(obj)
        assert getattr(copy, call)(arg) == getattr(obj, call)(arg)


def test_version():
    assert sarf.__version__.count(".") == 2
    assert sys.modules["sarf"].__doc__


def test_memo_budget_is_a_knob_that_changes_no_answer(data):
    lines = data("news-ar.txt").split("\n")
    analyzer = sarf.Analyzer()
    expected = [analyzer.stems(line) for line in lines]
    before = sarf.memo_bytes()
    assert before == 12 << 20 or before > 0
    sarf.set_memo_bytes(64 << 10)
    try:
        assert sarf.memo_bytes() == 64 << 10
        # New worker threads size their memos by the new budget.
        assert analyzer.stems_batch(lines, threads=3) == expected
    finally:
        sarf.set_memo_bytes(before)


def test_translit_matches_camel_tools_maps_and_round_trips(data):
    import json

    text = data("news-ar.txt")
    for scheme in ["bw", "safebw", "xmlbw", "hsb"]:
        charmap = json.loads(data(f"camel-charmaps/ar2{scheme}_map.json"))["charMap"]
        assert sarf.translit(text, to=scheme) == "".join(charmap.get(c, c) for c in text)
    for scheme in ["bw", "safebw", "xmlbw"]:
        there = sarf.translit("وَقَرَأَ الطُّلَّابُ كُتُبَهُمْ", to=scheme)
        assert sarf.translit(there, from_=scheme) == "وَقَرَأَ الطُّلَّابُ كُتُبَهُمْ"
    with pytest.raises(ValueError, match="bw, safebw, xmlbw"):
        sarf.translit("x", from_="hsb")
    with pytest.raises(ValueError, match="exactly one"):
        sarf.translit("x")
