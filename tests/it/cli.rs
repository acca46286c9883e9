//! The `sarf` binary, run on real files.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::{data, read_data};

pub(crate) fn sarf() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sarf"))
}

pub(crate) fn run(args: &[&str]) -> Output {
    sarf().args(args).output().expect("sarf runs")
}

/// Starts the binary with stdin, stdout and stderr piped.
pub(crate) fn spawn_piped(args: &[&str]) -> std::process::Child {
    sarf()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sarf runs")
}

/// Runs the binary with `input` on stdin.
pub fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = spawn_piped(args);
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn readme_command_prints_the_search_golden_file() {
    let fixture = data("news-ar.txt");
    let out = run(&["normalize", fixture.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), read_data("news-ar.search.txt"));
}

#[test]
fn presets_match_their_golden_files_through_stdin() {
    let input = read_data("news-ar.txt");
    for preset in ["search", "nlp", "display", "lucene", "camel", "quran"] {
        let out = run_stdin(&["normalize", "--preset", preset], input.as_bytes());
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            read_data(&format!("news-ar.{preset}.txt")),
            "{preset}"
        );
    }
}

#[test]
fn named_cases_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    for (i, case) in crate::cases::load().into_iter().enumerate() {
        let config = dir.path().join(format!("case{i}.toml"));
        std::fs::write(&config, toml::to_string(&case.config()).unwrap()).unwrap();
        let out =
            run_stdin(&["normalize", "--config", config.to_str().unwrap()], case.input.as_bytes());
        assert!(out.status.success(), "{}: {}", case.name, stderr(&out));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), case.expected, "{}", case.name);
    }
}

#[test]
fn crlf_lone_cr_and_nul_are_kept() {
    let out = run_stdin(&["normalize"], "أ\r\nة\rب\0ى\n\n".as_bytes());
    assert!(out.status.success());
    assert_eq!(out.stdout, "ا\r\nه\rب\0ي\n\n".as_bytes());
}

#[test]
fn several_inputs_are_concatenated_in_order() {
    let a = data("news-ar.txt");
    let out = run(&["normalize", a.to_str().unwrap(), a.to_str().unwrap()]);
    let once = read_data("news-ar.search.txt");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{once}{once}"));
}

#[test]
fn output_file_is_written_and_no_temporary_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.txt");
    let out =
        run(&["normalize", "-o", target.to_str().unwrap(), data("news-ar.txt").to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), read_data("news-ar.search.txt"));
    let names: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["out.txt"], "a temporary file was left behind");
}

#[test]
fn invalid_utf8_is_an_error_with_line_and_offset_and_leaves_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.txt");
    std::fs::write(&input, b"\xD8\xA3\xD8\xA8\n\xD8\xAA\n\xD8\xAB\xFF\xD8\xAC\n").unwrap();
    let target = dir.path().join("out.txt");
    std::fs::write(&target, "previous contents").unwrap();
    let out = run(&["normalize", "-o", target.to_str().unwrap(), input.to_str().unwrap()]);
    assert!(!out.status.success());
    let message = stderr(&out);
    assert!(
        message.contains("bad.txt")
            && message.contains("line 3")
            && message.contains("byte offset 10"),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1, "one-line error: {message}");
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "previous contents",
        "the old output was clobbered"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "a temporary file was left behind"
    );
}

#[test]
fn lossy_replaces_invalid_bytes() {
    let out = run_stdin(&["normalize", "--lossy"], b"\xD8\xA3\xFF\n");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(out.stdout, "ا\u{FFFD}\n".as_bytes());
}

#[test]
fn output_that_is_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, "أ\n").unwrap();
    let out = run(&["normalize", "-o", input.to_str().unwrap(), input.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("refusing to overwrite"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), "أ\n");
}

#[test]
fn missing_input_unknown_preset_and_bad_config_are_clear_errors() {
    let out = run(&["normalize", "/nonexistent/input.txt"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("/nonexistent/input.txt"), "{}", stderr(&out));

    let out = run(&["normalize", "--preset", "serch"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("serch"), "{}", stderr(&out));

    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("rules.toml");
    std::fs::write(&config, "tatwel = true\n").unwrap();
    let out = run_stdin(&["normalize", "--config", config.to_str().unwrap()], b"x\n");
    assert!(!out.status.success());
    let message = stderr(&out);
    assert!(message.contains("rules.toml") && message.contains("tatwel"), "{message}");
}

#[test]
fn config_file_keeps_the_preset_for_unset_rules() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("rules.toml");
    std::fs::write(&config, "teh_marbuta = true\n").unwrap();
    // nlp keeps alef maksura; the file only turns teh marbuta folding on.
    let out = run_stdin(
        &["normalize", "--preset", "nlp", "--config", config.to_str().unwrap()],
        "مدرسة على".as_bytes(),
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "مدرسه على");
}

#[test]
fn empty_input_gives_empty_output() {
    let out = run_stdin(&["normalize"], b"");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
}

#[test]
fn closed_pipe_ends_quietly() {
    // Many lines, and a reader that stops after the first one.
    let big = "كتاب\n".repeat(200_000);
    let mut child = sarf()
        .arg("normalize")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(big.as_bytes());
    });
    let mut first = [0u8; 8];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "exit {:?}: {}", out.status, stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn help_shows_examples() {
    let out = run(&["normalize", "--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("Examples:") && help.contains("--preset"), "{help}");
    let _ = Path::new("");
}

/// What the library gives for each line: stems joined by single spaces.
fn library_stems(text: &str, mode: sarf::StemMode) -> String {
    let analyzer = sarf::Analyzer::new(sarf::Normalizer::default(), sarf::Stemmer::with_mode(mode));
    text.split_inclusive('\n')
        .map(|line| {
            let body = line.trim_end_matches('\n');
            let stems: Vec<String> =
                analyzer.analyze(body).into_iter().map(|t| t.stem.into_owned()).collect();
            format!("{}{}", stems.join(" "), &line[body.len()..])
        })
        .collect()
}

#[test]
fn stem_output_equals_the_library_line_by_line() {
    let fixture = data("news-ar.txt");
    let text = read_data("news-ar.txt");
    for (mode, flag) in [(sarf::StemMode::Lexicon, "lexicon"), (sarf::StemMode::Light, "light")] {
        let out = run(&["stem", "--mode", flag, fixture.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let got = String::from_utf8(out.stdout).unwrap();
        assert_eq!(got.lines().count(), text.lines().count(), "one output line per input line");
        assert_eq!(got, library_stems(&text, mode), "{flag}");
    }
}

#[test]
fn stem_keeps_line_endings_and_drops_stopwords_on_request() {
    let out = run_stdin(&["stem"], "والكتاب الذي\r\nبالمدرسة\n".as_bytes());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "كتاب الذي\r\nمدرسه\n");
    let out = run_stdin(&["stem", "--drop-stopwords"], "والكتاب الذي\n".as_bytes());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "كتاب\n");
}

#[test]
fn stem_with_custom_and_compiled_lexicons() {
    let dir = tempfile::tempdir().unwrap();
    let stems = dir.path().join("stems.txt");
    std::fs::write(&stems, "زغلب\n").unwrap();
    let out = run_stdin(&["stem", "--stems", stems.to_str().unwrap()], "وزغلبهم\n".as_bytes());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "زغلب\n", "{}", stderr(&out));

    let fst = dir.path().join("stems.fst");
    let out = run(&["dict", "compile", stems.to_str().unwrap(), "-o", fst.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run_stdin(&["stem", "--stems", fst.to_str().unwrap()], "وزغلبهم\n".as_bytes());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "زغلب\n", "{}", stderr(&out));

    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "زغلب\nزغلب\n").unwrap();
    let out = run_stdin(&["stem", "--stems", bad.to_str().unwrap()], b"x\n");
    assert!(!out.status.success());
    let message = stderr(&out);
    assert!(message.contains("bad.txt") && message.contains("line 2"), "{message}");
}

#[test]
fn tokenize_raw_and_normalized() {
    let out = run_stdin(&["tokenize", "--raw"], "قالَ: «الكتابُ» 3.5\n".as_bytes());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "قالَ الكتابُ 3.5\n");
    let out = run_stdin(&["tokenize"], "قالَ: «الكتابُ» ٣٫٥\n".as_bytes());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "قال الكتاب 3.5\n");
}

#[test]
fn jobs_one_and_many_give_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    // Several blocks' worth of lines, so batches really run in parallel.
    let input = dir.path().join("big.txt");
    let line = read_data("news-ar.txt");
    std::fs::write(&input, line.repeat(300)).unwrap();
    let mut outputs = Vec::new();
    for jobs in ["1", "2", "4"] {
        for command in ["normalize", "stem"] {
            let out = run(&[command, "-j", jobs, input.to_str().unwrap()]);
            assert!(out.status.success(), "{}", stderr(&out));
            outputs.push((command, out.stdout));
        }
    }
    for pair in outputs.chunks(2).skip(1) {
        assert!(pair[0].1 == outputs[0].1 && pair[1].1 == outputs[1].1, "output differs with -j");
    }
    // The summary counts every line of every block.
    let stats = dir.path().join("stats.json");
    let out =
        run(&["stem", "-j", "2", "--stats-json", stats.to_str().unwrap(), input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&stats).unwrap()).unwrap();
    assert_eq!(summary["lines"], 300 * line.matches('\n').count());
    assert_eq!(
        String::from_utf8(outputs[0].1.clone()).unwrap(),
        read_data("news-ar.search.txt").repeat(300)
    );
}

#[test]
fn the_first_bad_line_in_input_order_is_the_one_reported_whatever_the_jobs() {
    // A bad line at the end of one block and another at the start of the
    // next: with several workers the later block fails first (at once,
    // where the earlier one is found after a whole block's work), but the
    // error must name the earlier line, as a run on one thread does, and
    // nothing may be left as output.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.jsonl");
    let good = "{\"text\":\"\u{0627}\u{0644}\u{0643}\u{062A}\u{0627}\u{0628} \u{0627}\u{0644}\u{062C}\u{062F}\u{064A}\u{062F}\"}\n";
    let bad = good.replace('}', "]");
    // Lines of equal length: each block holds exactly `per_block` of them.
    let per_block = sarf::bulk::DEFAULT_BLOCK_SIZE / good.len();
    let (early, late) = (5 * per_block - 1, 5 * per_block + 2);
    let text: String = (1..=8 * per_block)
        .map(|n| if n == early || n == late { bad.as_str() } else { good })
        .collect();
    std::fs::write(&input, text).unwrap();
    for jobs in ["1", "2", "4"] {
        let target = dir.path().join("out.jsonl");
        let out = run(&[
            "stem",
            "--format",
            "jsonl",
            "-j",
            jobs,
            "-o",
            target.to_str().unwrap(),
            input.to_str().unwrap(),
        ]);
        assert!(!out.status.success());
        let message = stderr(&out);
        assert!(message.contains(&format!("at line {early}:")), "-j {jobs}: {message}");
        assert!(!target.exists(), "-j {jobs}: partial output left as a finished file");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "a temporary file was left");
    }
}

#[test]
fn compressed_input_and_output() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let text = read_data("news-ar.txt");
    let gz = dir.path().join("in.txt.gz");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(text.as_bytes()).unwrap();
    std::fs::write(&gz, encoder.finish().unwrap()).unwrap();
    let zst = dir.path().join("in.txt.zst");
    std::fs::write(&zst, zstd::encode_all(text.as_bytes(), 3).unwrap()).unwrap();
    let expected = read_data("news-ar.search.txt");
    for input in [&gz, &zst] {
        let out = run(&["normalize", input.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{}", input.display());
    }
    let out_gz = dir.path().join("out.txt.gz");
    let out = run(&["normalize", "-o", out_gz.to_str().unwrap(), zst.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut decoded = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&out_gz).unwrap())
        .read_to_string(&mut decoded)
        .unwrap();
    assert_eq!(decoded, expected);
    let out_zst = dir.path().join("out.txt.zst");
    run(&["normalize", "-o", out_zst.to_str().unwrap(), gz.to_str().unwrap()]);
    assert_eq!(
        String::from_utf8(zstd::decode_all(std::fs::File::open(&out_zst).unwrap()).unwrap())
            .unwrap(),
        expected
    );
}

#[test]
fn jsonl_rewrites_only_the_named_fields() {
    let input = concat!(
        r#"{"id": 1, "text": "أَهْلاً", "title": "ة", "n": 2.50}"#,
        "\n",
        r#"{"id": 2, "title": "كتاب", "extra": [1, {"a": "ة"}]}"#,
        "\n",
    );
    let out = run_stdin(&["normalize", "--format", "jsonl", "--field", "text"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        concat!(
            r#"{"id":1,"text":"اهلا","title":"ة","n":2.50}"#,
            "\n",
            r#"{"id":2,"title":"كتاب","extra":[1, {"a": "ة"}]}"#,
            "\n",
        )
    );
    let out = run_stdin(
        &["normalize", "--format", "jsonl", "--field", "text", "--field", "title"],
        input.as_bytes(),
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with(r#"{"id":1,"text":"اهلا","title":"ه","n":2.50}"#)
    );
}

#[test]
fn jsonl_bad_lines_are_errors_or_skipped_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, "{\"text\": \"أ\"}\n{broken\n{\"text\": 5}\n").unwrap();
    let out = run(&["normalize", "--format", "jsonl", input.to_str().unwrap()]);
    assert!(!out.status.success());
    let message = stderr(&out);
    assert!(
        message.contains("in.jsonl") && message.contains("line 2") && message.contains("malformed"),
        "{message}"
    );

    let stats = dir.path().join("stats.json");
    let out = run(&[
        "normalize",
        "--format",
        "jsonl",
        "--skip-bad-lines",
        "--stats-json",
        stats.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "{\"text\":\"ا\"}\n{broken\n{\"text\": 5}\n"
    );
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&stats).unwrap()).unwrap();
    assert_eq!(summary["bad_lines_skipped"], 2);
    assert_eq!(summary["lines"], 3);
    assert_eq!(summary["rule_changes"]["alef"], 1);
}

#[test]
fn stem_jsonl_gives_tokens_with_offsets() {
    let out =
        run_stdin(&["stem", "--format", "jsonl"], "{\"text\": \"والكتابُ جميل\"}\n".as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let tokens = line["text"].as_array().unwrap();
    assert_eq!(tokens[0]["stem"], "كتاب");
    assert_eq!(tokens[0]["surface"], "والكتابُ");
    assert_eq!(
        (tokens[0]["start"].as_u64(), tokens[0]["end"].as_u64()),
        (Some(0), Some("والكتابُ".len() as u64))
    );
    assert_eq!(tokens[1]["normalized"], "جميل");
}

#[test]
fn stats_summary_on_stderr_and_lossy_counts() {
    let out = run_stdin(&["normalize", "--stats", "--lossy"], b"\xD8\xA3\xFF\n");
    assert!(out.status.success());
    let message = stderr(&out);
    assert!(
        message.contains("1 lines")
            && message.contains("1 invalid UTF-8")
            && message.contains("alef"),
        "{message}"
    );
}

#[test]
fn explain_names_each_rule() {
    let out = run(&["explain", "--color", "never", "کتابٌ"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("output: كتاب"), "{text}");
    assert!(
        text.contains("kaf_lookalikes") && text.contains("U+06A9") && text.contains("U+0643"),
        "{text}"
    );
    assert!(text.contains("diacritics") && text.contains("U+064C"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour when asked for none");
    let out = run(&["explain", "--color", "always", "کتاب"]);
    assert!(String::from_utf8(out.stdout).unwrap().contains('\u{1b}'));
}

#[test]
fn explain_stem_shows_each_word_split_and_what_decided() {
    let out = run(&["explain", "--stem", "--color", "never", "وكانت الإسرائيلية الأوضاع في 2024"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> =
        text.lines().skip(1).map(|l| l.split_whitespace().collect()).collect();
    // word, normalized, prefix, stem, suffix, then what decided.
    assert_eq!(rows[0][..5], ["وكانت", "وكانت", "و", "كان", "ت"], "{text}");
    assert!(text.lines().nth(1).unwrap().ends_with("known stem; a stopword"), "{text}");
    assert_eq!(rows[1][..5], ["الإسرائيلية", "الاسرائيليه", "ال", "اسرائيل", "يه"], "{text}");
    assert!(text.contains("nisba adjective"), "{text}");
    assert_eq!(rows[2][..5], ["الأوضاع", "الاوضاع", "ال", "وضع", "-"], "{text}");
    assert!(text.contains("exception entry"), "{text}");
    assert_eq!(rows[3][..5], ["في", "في", "-", "في", "-"], "{text}");
    assert!(text.contains("stopword, kept whole"), "{text}");
    assert!(text.lines().nth(5).unwrap().ends_with("not an Arabic word"), "{text}");
    // The lucene preset explains Lucene's stemmer.
    let out = run(&["explain", "--stem", "--preset", "lucene", "والكتاب"]);
    assert!(String::from_utf8(out.stdout).unwrap().contains("Lucene's ArabicStemmer"));
    // The quran preset's surface mode keeps verb forms as written.
    let out = run(&["explain", "--stem", "--color", "never", "--preset", "quran", "يُؤۡمِنُونَ"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let row: Vec<&str> = text.lines().nth(1).unwrap().split_whitespace().collect();
    assert_eq!(row[..5], ["يُؤۡمِنُونَ", "يؤمنون", "-", "يؤمن", "ون"], "{text}");
    assert!(text.contains("verb form, kept as written (surface mode)"), "{text}");
}

#[test]
fn rule_switches_override_preset_and_config() {
    let out = run_stdin(
        &[
            "normalize",
            "--keep-teh-marbuta",
            "--punctuation",
            "--digits",
            "arabic-indic",
            "--keep-shadda",
        ],
        "مدرّسة، ۳".as_bytes(),
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "مدرّسة, ٣");
    let out = run_stdin(
        &["normalize", "--zwnj", "space", "--script", "persian"],
        "می\u{200C}خواهم كتاب".as_bytes(),
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "می خواهم کتاب");
    let out = run_stdin(&["normalize", "--digits", "bogus"], b"x");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("bogus"), "{}", stderr(&out));
}

#[test]
fn stem_config_file_with_a_stemmer_table() {
    let dir = tempfile::tempdir().unwrap();
    let stems = dir.path().join("stems.txt");
    std::fs::write(&stems, "زغلب\n").unwrap();
    let config = dir.path().join("pipeline.toml");
    std::fs::write(
        &config,
        format!("teh_marbuta = false\n[stemmer]\nmode = \"lexicon\"\nstems = {:?}\n", stems),
    )
    .unwrap();
    let out = run_stdin(&["stem", "--config", config.to_str().unwrap()], "وزغلبهم\n".as_bytes());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "زغلب\n", "{}", stderr(&out));
    // The option wins over the file: light10 has no هم suffix.
    let out = run_stdin(
        &["stem", "--config", config.to_str().unwrap(), "--mode", "light"],
        "وزغلبهم\n".as_bytes(),
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "زغلبهم\n");
    std::fs::write(&config, "[stemmer]\nmoed = \"light\"\n").unwrap();
    let out = run_stdin(&["stem", "--config", config.to_str().unwrap()], b"x\n");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("moed"), "{}", stderr(&out));
}

#[test]
fn mixed_inputs_stream_as_one_run_in_order_and_errors_name_their_file() {
    // Small files, a file of many blocks, stdin and a file without a final
    // line feed, in one run: the output is each input's output in turn,
    // whatever the jobs, and the summary counts every file and line.
    let dir = tempfile::tempdir().unwrap();
    let normalizer = sarf::Normalizer::default();
    let line = "وأكدت الحكومةُ أنّ المدارسَ ستفتح ی ک\n";
    let large = line.repeat(3 * sarf::bulk::DEFAULT_BLOCK_SIZE / line.len());
    let texts = [
        "أَة ى\n".to_string(),
        large.clone(),
        "stdin: إلى\n".to_string(),
        "no final line feed: آ".to_string(),
        "ك\n".to_string(),
    ];
    let mut args: Vec<String> = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        if i == 2 {
            args.push("-".into());
        } else {
            let path = dir.path().join(format!("in{i}.txt"));
            std::fs::write(&path, text).unwrap();
            args.push(path.to_string_lossy().into_owned());
        }
    }
    let expected: String = texts.iter().map(|t| normalizer.normalize(t)).collect();
    let stats = dir.path().join("stats.json");
    for jobs in ["1", "2", "4"] {
        let mut command = vec!["normalize", "-j", jobs, "--stats-json", stats.to_str().unwrap()];
        command.extend(args.iter().map(String::as_str));
        let out = run_stdin(&command, texts[2].as_bytes());
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "-j {jobs}");
        let summary: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&stats).unwrap()).unwrap();
        assert_eq!(summary["files"], 5, "-j {jobs}");
        let lines: usize = texts.iter().map(|t| t.matches('\n').count()).sum();
        assert_eq!(summary["lines"], lines, "-j {jobs}");
    }

    // A bad byte in the last file, after the large one: named with its own
    // file's line number; a missing file after a good one: named; and
    // nothing is left as output either way.
    let bad = dir.path().join("in4.txt");
    std::fs::write(&bad, b"ok\n\xFF\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let output = dir.path().join("out.txt");
    let files = [args[0].as_str(), args[1].as_str(), args[3].as_str()];
    for jobs in ["1", "2"] {
        let mut command = vec!["normalize", "-j", jobs, "-o", output.to_str().unwrap()];
        command.extend(files);
        command.push(bad.to_str().unwrap());
        let out = run(&command);
        assert!(!out.status.success(), "-j {jobs}");
        let message = stderr(&out);
        assert!(message.contains("in4.txt") && message.contains("line 2"), "{message}");
        command.pop();
        command.push(missing.to_str().unwrap());
        command.push(bad.to_str().unwrap());
        let out = run(&command);
        assert!(!out.status.success(), "-j {jobs}");
        let message = stderr(&out);
        assert!(message.contains("missing.txt") && !message.contains("in4.txt"), "{message}");
        assert!(!output.exists(), "-j {jobs}: output left behind");
    }
}

#[test]
fn regression_jsonl_keeps_numbers_serde_cannot_hold() {
    // From the `jsonl` fuzz target (fuzz/regressions/jsonl): a number out
    // of f64's range is kept as written, like every field not named.
    let line = r#"{"id": 0, "text": "أ", "n": [3, 0.8888e9448885]}"#;
    let out = run_stdin(&["normalize", "--format", "jsonl"], format!("{line}\n").as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "{\"id\":0,\"text\":\"ا\",\"n\":[3, 0.8888e9448885]}\n"
    );
}

#[test]
fn stem_with_the_lucene_preset_uses_lucenes_stemmer() {
    let line = "وبالكتاب والمعلمون كتابها فى مدرسةٍ\n";
    let out = run_stdin(&["stem", "--preset", "lucene"], line.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "بالكتاب معلم كتاب في مدرس\n");
    // --mode still chooses.
    let out = run_stdin(&["stem", "--preset", "lucene", "--mode", "lexicon"], line.as_bytes());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "كتاب معلم كتاب في مدرسه\n");
}

#[test]
fn stem_with_the_quran_preset_maps_nothing_to_a_lemma() {
    let line = "ٱلَّذِينَ يُؤۡمِنُونَ بِٱلۡغَيۡبِ وَٱلۡكُتُبِ\n";
    let out = run_stdin(&["stem", "--preset", "quran"], line.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "الذين يؤمن غيب كتب\n");
    // --mode still chooses.
    let out = run_stdin(&["stem", "--preset", "quran", "--mode", "lexicon"], line.as_bytes());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "الذين امن غيب كتاب\n");
}

#[test]
fn stem_of_the_fixture_matches_the_file_the_python_tests_share() {
    // tests/data/news-ar.stems.txt is also what python/tests checks the
    // Python module against, so both front ends give the same stems.
    let fixture = data("news-ar.txt");
    let out = run(&["stem", fixture.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), read_data("news-ar.stems.txt"));
}

#[test]
fn a_smaller_memo_budget_changes_no_stem() {
    let fixture = data("news-ar.txt");
    for budget in ["0", "1"] {
        let out = run(&["stem", "--memo-mib", budget, "-j", "2", fixture.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), read_data("news-ar.stems.txt"));
    }
}

#[test]
fn translit_goes_to_and_from_buckwalter_in_text_and_jsonl() {
    let out = run_stdin(&["translit", "--to", "bw"], "كِتَابٌ في 2024\nأين؟\n".as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "kitaAbN fy 2024\n>yn؟\n");
    let out = run_stdin(&["translit", "--from", "bw"], "kitaAbN fy 2024\n>yn؟\n".as_bytes());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "كِتَابٌ في 2024\nأين؟\n");
    let out = run_stdin(
        &["translit", "--to", "safebw", "--format", "jsonl", "--field", "t"],
        "{\"t\": \"أين\", \"n\": 1}\n".as_bytes(),
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "{\"t\":\"Oyn\",\"n\":1}\n");
    let out = run_stdin(&["translit", "--to", "bw", "--from", "bw"], b"x\n");
    assert!(!out.status.success(), "one direction at a time");
    let out = run_stdin(&["translit", "--from", "hsb"], b"x\n");
    assert!(
        !out.status.success() && stderr(&out).contains("bw, safebw, xmlbw"),
        "{}",
        stderr(&out)
    );
}
