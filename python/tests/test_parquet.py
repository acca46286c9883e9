"""`sarf normalize|stem|tokenize --format parquet` on files written by pyarrow:
named string columns rewritten value by value, everything else kept."""

import json
import subprocess

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sarf


def run(sarf_bin, *args, check=True):
    result = subprocess.run([sarf_bin, *args], capture_output=True, text=True)
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def news(data, tmp_path):
    """The news fixture as a table: several row groups, nulls, a number
    column, a dictionary-encoded string column; zstd-compressed."""
    lines = data("news-ar.txt").split("\n")
    n = len(lines)
    table = pa.table({
        "id": list(range(n)),
        "text": [line if i % 5 else None for i, line in enumerate(lines)],
        "title": pa.array([lines[i % 3] for i in range(n)]).dictionary_encode(),
        "score": [i / 2 for i in range(n)],
    })
    path = tmp_path / "news.parquet"
    pq.write_table(table, path, row_group_size=7, compression="zstd")
    return path, table


def test_named_columns_are_normalized_and_the_rest_is_kept(sarf_bin, news, tmp_path):
    path, table = news
    out = tmp_path / "out.parquet"
    run(sarf_bin, "normalize", "--format", "parquet", "--field", "text", "--field", "title",
        str(path), "-o", str(out))
    got = pq.read_table(out)
    assert got.schema == table.schema
    for column in ["text", "title"]:
        expected = [None if v is None else sarf.normalize(v) for v in table.column(column).to_pylist()]
        assert got.column(column).to_pylist() == expected
    assert got.column("id") == table.column("id")
    assert got.column("score") == table.column("score")
    before, after = pq.ParquetFile(path).metadata, pq.ParquetFile(out).metadata
    assert [before.row_group(i).num_rows for i in range(before.num_row_groups)] == \
        [after.row_group(i).num_rows for i in range(after.num_row_groups)]
    assert after.row_group(0).column(1).compression == "ZSTD"


def test_jsonl_of_the_same_rows_gives_the_same_strings(sarf_bin, news, tmp_path):
    path, table = news
    rows = [{"text": v} for v in table.column("text").to_pylist() if v is not None]
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out_jsonl = run(sarf_bin, "normalize", "--format", "jsonl", str(jsonl)).stdout
    out = tmp_path / "out.parquet"
    run(sarf_bin, "normalize", "--format", "parquet", "--field", "text", str(path), "-o", str(out))
    from_parquet = [v for v in pq.read_table(out).column("text").to_pylist() if v is not None]
    assert [json.loads(line)["text"] for line in out_jsonl.splitlines()] == from_parquet


def test_stem_and_tokenize_write_space_joined_words(sarf_bin, news, tmp_path):
    path, table = news
    values = [v for v in table.column("text").to_pylist() if v is not None]
    for command in ["stem", "tokenize"]:
        out = tmp_path / f"{command}.parquet"
        run(sarf_bin, command, "--format", "parquet", "--field", "text", str(path), "-o", str(out))
        got = [v for v in pq.read_table(out).column("text").to_pylist() if v is not None]
        text_mode = subprocess.run([sarf_bin, command], input="\n".join(values) + "\n",
                                   capture_output=True, text=True, check=True).stdout
        assert got == text_mode.split("\n")[: len(values)]


def test_jobs_give_byte_identical_files_and_codecs_can_be_set(sarf_bin, news, tmp_path):
    path, _ = news
    outs = []
    for jobs in ["1", "2"]:
        out = tmp_path / f"j{jobs}.parquet"
        run(sarf_bin, "normalize", "--format", "parquet", "--field", "text", "-j", jobs, str(path), "-o", str(out))
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    out = tmp_path / "snappy.parquet"
    run(sarf_bin, "normalize", "--format", "parquet", "--field", "text", "--compression", "snappy",
        str(path), "-o", str(out))
    meta = pq.ParquetFile(out).metadata
    assert {meta.row_group(0).column(i).compression for i in range(4)} == {"SNAPPY"}


def test_directories_are_mirrored(sarf_bin, news, tmp_path):
    path, table = news
    (tmp_path / "in" / "part").mkdir(parents=True)
    pq.write_table(table, tmp_path / "in" / "a.parquet")
    pq.write_table(table, tmp_path / "in" / "part" / "b.parquet")
    (tmp_path / "in" / "README.txt").write_text("not a parquet file")
    run(sarf_bin, "normalize", "--format", "parquet", "--field", "text", str(tmp_path / "in"),
        "-o", str(tmp_path / "out"))
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*")
                  if p.is_file()) == ["a.parquet", "part/b.parquet"]
    assert pq.read_table(tmp_path / "out" / "part" / "b.parquet").num_rows == table.num_rows


def test_bad_input_is_a_clear_error_and_leaves_no_output(sarf_bin, news, tmp_path):
    path, _ = news
    out = tmp_path / "out.parquet"
    missing = run(sarf_bin, "normalize", "--format", "parquet", "--field", "body", str(path), "-o", str(out), check=False)
    assert missing.returncode != 0 and '"body"' in missing.stderr and "text" in missing.stderr
    number = run(sarf_bin, "normalize", "--format", "parquet", "--field", "score", str(path), "-o", str(out), check=False)
    assert number.returncode != 0 and '"score"' in number.stderr and "Float64" in number.stderr
    truncated = tmp_path / "truncated.parquet"
    truncated.write_bytes(path.read_bytes()[:2000])
    cut = run(sarf_bin, "normalize", "--format", "parquet", "--field", "text", str(truncated), "-o", str(out), check=False)
    assert cut.returncode != 0 and "truncated.parquet" in cut.stderr
    assert not out.exists() and not list(tmp_path.glob(".*out.parquet*"))


def test_invalid_utf8_names_the_row_or_is_replaced(sarf_bin, tmp_path):
    raw = pa.array([b"\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8", b"ok", b"ab\xff cd", None], pa.binary())
    path = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"text": raw.view(pa.string()), "n": [1, 2, 3, 4]}), path, row_group_size=2)
    out = tmp_path / "out.parquet"
    error = run(sarf_bin, "normalize", "--format", "parquet", "--field", "text", str(path), "-o", str(out), check=False)
    assert error.returncode != 0
    assert "bad.parquet" in error.stderr and "row group 1" in error.stderr and "row 2" in error.stderr
    assert not out.exists()
    run(sarf_bin, "normalize", "--format", "parquet", "--field", "text", "--lossy", str(path), "-o", str(out))
    assert pq.read_table(out).to_pylist() == [
        {"text": "كتاب", "n": 1}, {"text": "ok", "n": 2}, {"text": "ab\ufffd cd", "n": 3}, {"text": None, "n": 4}]


def test_the_first_bad_row_group_is_the_one_named_whatever_the_jobs(sarf_bin, tmp_path):
    # Row groups are decoded two or more at a time: a later bad one may be
    # read first, but the error names the first in the file.
    good, bad = b"\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8", b"ab\xff cd"
    raw = pa.array([good, good, bad, good, bad, good, good, good], pa.binary())
    path = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"text": raw.view(pa.string())}), path, row_group_size=2)
    out = tmp_path / "out.parquet"
    for jobs in ["1", "2", "4"] * 3:
        error = run(sarf_bin, "normalize", "-j", jobs, "--format", "parquet", "--field", "text",
                    str(path), "-o", str(out), check=False)
        assert error.returncode != 0
        assert "row group 1" in error.stderr and "row 2" in error.stderr, error.stderr
        assert not out.exists()
