//! Every SIMD path gives the same bytes: the portable loop, the SSSE3
//! scanner and the AVX-512 chunks, each forced with
//! `Normalizer::with_simd_level` (and, for the binary, `SARF_SIMD`).

use sarf::*;

use crate::{data, read_data};

const LEVELS: [SimdLevel; 3] = [SimdLevel::None, SimdLevel::Ssse3, SimdLevel::Avx512];

/// Fails, naming the path, when this CPU cannot run `level`: a path the
/// machine lacks is untested, and that must not pass unnoticed. Set
/// `SARF_SIMD_MISSING_OK=1` to run the suite on such a CPU anyway.
fn require(level: SimdLevel) -> bool {
    if level <= SimdLevel::detected() {
        return true;
    }
    let allowed = std::env::var("SARF_SIMD_MISSING_OK").is_ok_and(|v| v == "1");
    assert!(
        allowed,
        "this CPU cannot run the {level} path (it has {}), so that path is untested here; \
         set SARF_SIMD_MISSING_OK=1 to accept that",
        SimdLevel::detected()
    );
    eprintln!("warning: the {level} path is NOT tested: this CPU lacks it");
    false
}

#[test]
fn every_level_matches_the_golden_files_and_says_which_path_it_took() {
    let input = read_data("news-ar.txt");
    // Long lines and short ones, with and without the chunk path's minimum.
    let doubled = input.replace('\n', " ");
    for preset in Preset::ALL {
        let golden = read_data(&format!("news-ar.{}.txt", preset.name()));
        for level in LEVELS {
            if !require(level) {
                continue;
            }
            let normalizer = Normalizer::with_simd_level(preset.config(), level);
            assert_eq!(normalizer.simd_level(), level, "{preset:?}: the path asked for");
            assert_eq!(
                normalizer.normalize(&input),
                golden,
                "{preset:?} at {level}: this path writes other bytes than the golden file"
            );
            let auto = Normalizer::from_preset(preset).normalize(&doubled).into_owned();
            assert_eq!(normalizer.normalize(&doubled), auto, "{preset:?} at {level}, one line");
        }
    }
}

#[test]
fn the_default_level_is_the_cpus_capped_by_sarf_simd() {
    let expected = match SimdLevel::requested().expect("SARF_SIMD is valid in tests") {
        Some(cap) => cap.min(SimdLevel::detected()),
        None => SimdLevel::detected(),
    };
    assert_eq!(SimdLevel::in_use(), expected);
    assert_eq!(Normalizer::default().simd_level(), expected);
    // A cap above the CPU's is clamped.
    assert!(
        Normalizer::with_simd_level(Preset::Search.config(), SimdLevel::Avx512).simd_level()
            <= SimdLevel::detected()
    );
}

fn sarf(env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_sarf"));
    command.args(args).env_remove("SARF_SIMD");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("sarf runs")
}

#[test]
fn sarf_simd_forces_the_binarys_path_and_version_names_it() {
    let fixture = data("news-ar.txt");
    let fixture = fixture.to_str().unwrap();
    let auto = sarf(&[], &["normalize", fixture]);
    assert!(auto.status.success());
    for level in LEVELS {
        if !require(level) {
            continue;
        }
        let env = [("SARF_SIMD", level.name())];
        let version = String::from_utf8(sarf(&env, &["--version"]).stdout).unwrap();
        assert!(version.lines().any(|l| l == format!("simd: {level}")), "{version}");
        let out = sarf(&env, &["normalize", fixture]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.stdout, auto.stdout, "SARF_SIMD={level} changed the output");
    }
    let version = String::from_utf8(sarf(&[], &["--version"]).stdout).unwrap();
    assert!(version.lines().any(|l| l == format!("simd: {}", SimdLevel::detected())), "{version}");
    let bad = sarf(&[("SARF_SIMD", "sse2")], &["normalize", fixture]);
    assert!(!bad.status.success());
    let message = String::from_utf8(bad.stderr).unwrap();
    assert!(message.contains("sse2") && message.contains("auto, avx512, ssse3, none"), "{message}");
}
