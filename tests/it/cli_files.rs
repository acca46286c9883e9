//! The `sarf` binary and the files it touches: directory walks and their
//! symbolic links, in-place rewrites, outputs that are devices or pipes,
//! signals mid-run, and records and lines longer than a block.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use crate::cli::{run, run_stdin, spawn_piped, stderr};
use crate::{data, read_data};

#[test]
fn directories_are_walked_and_mirrored() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("a/b")).unwrap();
    std::fs::write(input.join("one.txt"), "أ\n").unwrap();
    std::fs::write(input.join("a/b/two.txt"), "ة\n").unwrap();
    // A file of several blocks beside the small ones (which take another
    // way through the engine).
    let line = "وأكدت الحكومةُ أنّ المدارسَ ستفتح ی ک\n";
    let large = line.repeat(6 * sarf::bulk::DEFAULT_BLOCK_SIZE / line.len());
    std::fs::write(input.join("a/large.txt"), &large).unwrap();
    let stats = dir.path().join("stats.json");
    for jobs in ["1", "2"] {
        let output = dir.path().join(format!("out{jobs}"));
        let out = run(&[
            "normalize",
            "-j",
            jobs,
            "--stats-json",
            stats.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
            input.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(std::fs::read_to_string(output.join("one.txt")).unwrap(), "ا\n");
        assert_eq!(std::fs::read_to_string(output.join("a/b/two.txt")).unwrap(), "ه\n");
        assert_eq!(
            std::fs::read_to_string(output.join("a/large.txt")).unwrap(),
            sarf::Normalizer::default().normalize(&large)
        );
        let summary: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&stats).unwrap()).unwrap();
        assert_eq!(summary["files"], 3);
        assert_eq!(summary["lines"], 2 + large.matches('\n').count());
    }
    // A directory without --output is a clear error.
    let out = run(&["normalize", input.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--output"), "{}", stderr(&out));
}

#[test]
fn in_place_rewrites_atomically_and_keeps_the_input_on_error() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "أ\n").unwrap();
    let out = run(&["normalize", "--in-place", good.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&good).unwrap(), "ا\n");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"\xD8\xA3\n\xFF\n").unwrap();
    let out = run(&["normalize", "--in-place", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&bad).unwrap(), b"\xD8\xA3\n\xFF\n", "the input was damaged");
    let names: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 2, "a temporary file was left behind: {names:?}");
}

#[test]
fn many_small_files_in_order_whatever_the_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    let mut expected = String::new();
    for i in 0..100 {
        let path = dir.path().join(format!("f{i:03}.txt"));
        let text = format!("{i} أَة ى\n{}", if i % 7 == 0 { "" } else { "ک\n" });
        expected.push_str(&sarf::Normalizer::default().normalize(&text));
        std::fs::write(&path, text).unwrap();
        paths.push(path.to_string_lossy().into_owned());
    }
    for jobs in ["1", "2"] {
        let mut args = vec!["normalize", "-j", jobs];
        args.extend(paths.iter().map(String::as_str));
        let out = run(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "-j {jobs}");
    }
    std::fs::write(dir.path().join("f050.txt"), b"ok\n\xFF\n").unwrap();
    let mut args = vec!["normalize"];
    args.extend(paths.iter().map(String::as_str));
    let out = run(&args);
    assert!(!out.status.success());
    let message = stderr(&out);
    assert!(message.contains("f050.txt") && message.contains("line 2"), "{message}");
}

#[cfg(unix)]
#[test]
fn output_to_a_device_or_pipe_is_written_through_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let fixture = data("news-ar.txt");
    let out = run(&["normalize", "-q", "-o", "/dev/null", fixture.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let null = std::fs::metadata("/dev/null").unwrap();
    assert!(null.file_type().is_char_device(), "/dev/null must stay a device");

    // A named pipe: the reader gets the output, and the pipe stays a pipe.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = run(&["normalize", "-q", "-o", fifo.to_str().unwrap(), fixture.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(reader.join().unwrap(), read_data("news-ar.search.txt"));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
}

#[cfg(unix)]
#[test]
fn directory_walks_skip_symbolic_links_unless_followed_and_never_loop() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("tree");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(tree.join("sub")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(tree.join("a.txt"), "کتاب\n").unwrap();
    std::fs::write(tree.join("sub/b.txt"), "مدرسةٌ\n").unwrap();
    std::fs::write(outside.join("c.txt"), "کتابٌ\n").unwrap();
    symlink(&outside, tree.join("elsewhere")).unwrap(); // a link out of the tree
    symlink("..", tree.join("sub/loop")).unwrap(); // a loop
    symlink(tree.join("a.txt"), dir.path().join("link.txt")).unwrap();
    let s = |p: &Path| p.to_str().unwrap().to_string();

    // Not followed: the links are skipped and counted, nothing outside moves.
    let out = run(&["normalize", "--in-place", "--stats", "-q", &s(&tree)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("2 symbolic links skipped"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(tree.join("a.txt")).unwrap(), "كتاب\n");
    assert_eq!(std::fs::read_to_string(tree.join("sub/b.txt")).unwrap(), "مدرسه\n");
    assert_eq!(
        std::fs::read_to_string(outside.join("c.txt")).unwrap(),
        "کتابٌ\n",
        "rewrote outside"
    );

    // A mirrored run with a loop inside ends, with the real files only.
    let mirror = dir.path().join("mirror");
    let out = run(&["normalize", "-q", &s(&tree), "-o", &s(&mirror)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(mirror.join("a.txt").exists() && mirror.join("sub/b.txt").exists());
    assert!(!mirror.join("elsewhere").exists() && !mirror.join("sub/loop").exists());

    // Followed: the loop is reported and not entered; the link's files are
    // read for a mirrored run, but never rewritten in place.
    let followed = dir.path().join("followed");
    let out = run(&["normalize", "-q", "--follow", &s(&tree), "-o", &s(&followed)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("loop"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(followed.join("elsewhere/c.txt")).unwrap(), "كتاب\n");
    let out = run(&["normalize", "-q", "--follow", "--in-place", &s(&tree)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("not rewritten in place"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(outside.join("c.txt")).unwrap(),
        "کتابٌ\n",
        "rewrote outside"
    );

    // A link given by name is read as usual.
    let out = run(&["normalize", &s(&dir.path().join("link.txt"))]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "كتاب\n");
}

#[cfg(unix)]
#[test]
fn a_signal_mid_run_removes_the_temporary_and_leaves_the_output_as_it_was() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    for signal in ["INT", "TERM"] {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.txt");
        std::fs::write(&target, "the previous output\n").unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_sarf"))
            .args(["normalize", "-q", "-o", target.to_str().unwrap()])
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Some input, with stdin kept open: the run is mid-way.
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all("کتابٌ\n".repeat(10_000).as_bytes()).unwrap();
        stdin.flush().unwrap();
        let temporary = || {
            std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .find(|name| name.ends_with(".tmp"))
        };
        let waited = std::time::Instant::now();
        while temporary().is_none() {
            assert!(waited.elapsed().as_secs() < 30, "SIG{signal}: no temporary file appeared");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let output = child.wait_with_output().unwrap();
        drop(stdin);
        assert!(!output.status.success(), "SIG{signal}: the run must fail");
        assert_eq!(temporary(), None, "SIG{signal}: the temporary file was left behind");
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "the previous output\n",
            "SIG{signal}: the output changed"
        );
    }
}

#[test]
fn a_jsonl_record_over_the_limit_is_an_error_naming_file_and_line_and_leaves_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let long = format!("{{\"text\": \"{}\"}}\n", "ك".repeat(4000));
    std::fs::write(&input, format!("{{\"text\": \"أ\"}}\n{long}")).unwrap();
    let output = dir.path().join("out.jsonl");
    let args = |limit: &str| {
        vec![
            "normalize".to_string(),
            "--format".into(),
            "jsonl".into(),
            "--max-record-bytes".into(),
            limit.into(),
            input.to_str().unwrap().into(),
            "-o".into(),
            output.to_str().unwrap().into(),
        ]
    };
    let out = run(&args("1000").iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!out.status.success());
    let message = stderr(&out);
    assert!(
        message.contains("in.jsonl") && message.contains("line 2") && message.contains("1000"),
        "{message}"
    );
    assert!(!output.exists(), "a failed run left its output");
    // Under the default limit the same file goes through.
    let out = run(&args("268435456").iter().map(String::as_str).collect::<Vec<_>>());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&output).unwrap().starts_with("{\"text\":\"ا\"}\n"));
}

/// A line of `bytes` or more made of the news fixture's words, with no line
/// feed, and its pieces: the same text cut into lines at the fixture's own
/// line feeds would not exercise the cut.
fn one_long_line(bytes: usize) -> String {
    let words = read_data("news-ar.txt").replace(['\n', '\r'], " ");
    let mut line = String::with_capacity(bytes + words.len());
    while line.len() < bytes {
        line.push_str(&words);
        line.push(' ');
    }
    line
}

#[test]
fn a_line_longer_than_a_block_gives_what_the_whole_line_gives() {
    // Several blocks long (256 KiB each), with a short line around it.
    let long = one_long_line(1 << 20);
    let input = format!("أولاً\n{long}\nثانياً ٢\n{long}");
    let analyzer = sarf::Analyzer::default();
    let stems = |line: &str| {
        let mut words = Vec::new();
        analyzer.for_each_token_ref(line, |t| words.push(t.stem.to_string()));
        words.join(" ")
    };
    let mut normalized = String::new();
    let mut stemmed = String::new();
    for line in input.split_inclusive('\n') {
        normalized.push_str(&sarf::Normalizer::default().normalize(line));
        stemmed.push_str(&stems(line.trim_end_matches('\n')));
        if line.ends_with('\n') {
            stemmed.push('\n');
        }
    }
    for jobs in ["1", "2"] {
        let out = run_stdin(&["normalize", "-q", "-j", jobs], input.as_bytes());
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(String::from_utf8(out.stdout).unwrap() == normalized, "normalize -j {jobs}");
        let out = run_stdin(&["stem", "-q", "-j", jobs], input.as_bytes());
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(String::from_utf8(out.stdout).unwrap() == stemmed, "stem -j {jobs}");
    }
    // A piece whose words are all dropped: the next piece's first word
    // must not start with the joining space.
    let stopwords = "في ".repeat(200_000);
    let input = format!("{stopwords}كتاب في مدرسة\n");
    let out = run_stdin(&["stem", "-q", "--drop-stopwords"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "كتاب مدرسه\n");
}

/// The peak resident memory of process `pid` so far, in KiB (Linux).
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Streams `repeats` copies of `unit` (one line, no line feed) through
/// `sarf ARGS`, checks the output is `expected_unit` repeated (less the
/// trailing byte `trim` of the last copy), and returns the peak RSS in KiB.
fn stream_one_line(args: &[&str], unit: &str, repeats: usize, expected: &str, trim: usize) -> u64 {
    use std::io::Read;
    let mut child = spawn_piped(args);
    let mut stdin = child.stdin.take().unwrap();
    let unit_bytes = unit.as_bytes().to_vec();
    let writer = std::thread::spawn(move || {
        for _ in 0..repeats {
            if stdin.write_all(&unit_bytes).is_err() {
                break;
            }
        }
    });
    let mut stdout = child.stdout.take().unwrap();
    let (expected, total) = (expected.as_bytes(), expected.len() * repeats - trim);
    let (mut seen, mut peak, mut buf) = (0usize, 0, vec![0; 1 << 16]);
    loop {
        let n = stdout.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        for (i, &b) in buf[..n].iter().enumerate() {
            assert_eq!(b, expected[(seen + i) % expected.len()], "output byte {}", seen + i);
        }
        seen += n;
        // The process is alive until its output is read to the end.
        peak = peak.max(peak_rss_kib(child.id()).unwrap_or(0));
    }
    let status = child.wait().unwrap();
    writer.join().unwrap();
    assert!(status.success(), "sarf {args:?} failed");
    assert_eq!(seen, total, "output length");
    peak
}

#[test]
#[cfg(target_os = "linux")]
fn a_line_of_hundreds_of_megabytes_streams_in_bounded_memory() {
    // About 1.4 MB of words, ending in a space: a line of 300 MB.
    let unit = one_long_line(1 << 20);
    let repeats = (300 << 20) / unit.len() + 1;
    let normalized = sarf::Normalizer::default().normalize(&unit).into_owned();
    let peak = stream_one_line(&["normalize", "-q", "-j", "2"], &unit, repeats, &normalized, 0);
    // Whole, the line would take 300 MB in and as much out.
    assert!(peak < 64 << 10, "normalize: peak RSS {peak} KiB on a 300 MB line");

    // Stemming is slower (unoptimized test builds): 40 MB.
    let repeats = (40 << 20) / unit.len() + 1;
    let mut stems = String::new();
    sarf::Analyzer::default().for_each_token_ref(&unit, |t| {
        stems.push_str(t.stem);
        stems.push(' ');
    });
    let peak = stream_one_line(&["stem", "-q", "-j", "2"], &unit, repeats, &stems, 1);
    assert!(peak < 64 << 10, "stem: peak RSS {peak} KiB on a 40 MB line");
}
