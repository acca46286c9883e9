"""sarf as the map step of a distributed job: Dask, with a local cluster of
worker processes, over a JSON Lines dataset split into several files. The
result must equal the single-process output, record for record."""

import json
import os

import dask.bag as db
from dask.distributed import Client, LocalCluster

import sarf


def clean_partition(records):
    """The map step: normalize and stem the `text` field of a partition's
    records with one batch call each (the GIL is released inside)."""
    records = list(records)
    texts = [r["text"] for r in records]
    normalized = sarf.normalize_batch(texts, threads=1)
    stems = sarf.stem_batch(texts, threads=1)
    return [
        dict(r, normalized=n, stems=s, pid=os.getpid())
        for r, n, s in zip(records, normalized, stems)
    ]


def write_dataset(tmp_path, lines, files=4):
    records = []
    for i, line in enumerate(lines):
        # Vary the spelling so every fold has work: diacritics, Persian
        # letters, tatweel.
        text = line if i % 3 else line.replace("ك", "ک").replace("ي", "ی") + " كِتَابـــها"
        records.append({"id": i, "text": text, "source": f"news-{i % 5}"})
    per_file = -(-len(records) // files)
    for f in range(files):
        with open(tmp_path / f"part-{f}.jsonl", "w", encoding="utf-8") as out:
            for r in records[f * per_file:(f + 1) * per_file]:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return records


def test_dask_map_step_equals_single_process(tmp_path, data):
    lines = [line for line in data("news-ar.txt").split("\n") if line] * 25
    records = write_dataset(tmp_path, lines)

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster):
        bag = db.read_text(str(tmp_path / "part-*.jsonl")).map(json.loads)
        assert bag.npartitions >= 4
        distributed = bag.map_partitions(clean_partition).compute()

    single = clean_partition(records)
    assert len(distributed) == len(single) == len(records)
    strip_pid = lambda rs: [{k: v for k, v in r.items() if k != "pid"} for r in rs]
    assert strip_pid(distributed) == strip_pid(single)
    # The work really ran in the worker processes.
    worker_pids = {r["pid"] for r in distributed}
    assert os.getpid() not in worker_pids
    # And the folds did happen: the Persian spellings meet the Arabic ones.
    assert all("ک" not in r["normalized"] and "ی" not in r["normalized"] for r in distributed)
    assert all("كتاب" in r["stems"] for r in distributed if r["id"] % 3 == 0)


def test_objects_travel_to_workers(tmp_path):
    # A configured analyzer is pickled to the workers with its settings.
    analyzer = sarf.Analyzer("lucene")
    texts = ["وبالكتاب والمعلمون", "كتابها فى مدرسةٍ"] * 10
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        futures = client.map(analyzer.stems, texts)
        results = client.gather(futures)
    assert results == [analyzer.stems(t) for t in texts]
