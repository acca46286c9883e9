//! The spelling rules: what each cluster of a word becomes in plain
//! spelling (see the module above for the rules and their switches).

use super::Edit;
use super::cluster::*;
use crate::chars::*;
use crate::normalize::rules::Rule;

/// The words modern spelling writes without the alef that Uthmani spelling
/// marks with a dagger alef: the demonstratives (هٰذا، هٰذه، هٰؤلاء، هٰكذا،
/// ذٰلك، أولٰئك), لٰكن, إلٰه, الرحمٰن and, where an edition marks it, اللّٰه.
/// Each entry is the letters of the word from its start, with `^` after the
/// letter that carries the dagger; up to three proclitic letters may come
/// before it (see [`is_proclitic`]), and any suffix after it.
pub(super) const WITHOUT_ALEF: [&str; 9] =
    ["ه^ذ", "ه^ؤ", "ه^كذ", "ذ^لك", "اول^ئ", "ل^كن", "ال^ه", "لل^ه", "رحم^ن"];

/// The letters a word may start with before one of [`WITHOUT_ALEF`]: the
/// conjunctions و ف, the prepositions ب ك ل, the interrogative أ and the
/// article ال.
pub(super) fn is_proclitic(c: char) -> bool {
    matches!(letter_class(c), WAW | FEH | BEH | KAF | LAM | ALEF)
}

/// Whether the dagger alef on cluster `at` is one modern spelling leaves
/// unwritten.
/// `head` is the start of the word's [`skeleton`], found once per word
/// ([`skeleton_head`]).
pub(super) fn is_written_without_alef(head: &[(char, usize)], at: usize) -> bool {
    let letters = head;
    WITHOUT_ALEF.iter().any(|entry| {
        let (before, after) = entry.split_once('^').unwrap_or((entry, ""));
        let marked = before.chars().count() - 1;
        (0..=3.min(letters.len())).any(|skip| {
            let rest = &letters[skip..];
            letters[..skip].iter().all(|&(c, _)| is_proclitic(c))
                && rest.len() > marked
                && rest[marked].1 == at
                && rest
                    .iter()
                    .map(|&(c, _)| c)
                    .take(before.chars().count() + after.chars().count())
                    .eq(before.chars().chain(after.chars()))
        })
    })
}

pub(super) fn dagger_alef(
    word: &[Cluster],
    i: usize,
    hamza_seats: bool,
    head: &mut Option<Vec<(char, usize)>>,
    edits: &mut Vec<Edit>,
) {
    let cluster = &word[i];
    let Some(dagger) = cluster.dagger.clone() else {
        return;
    };
    let rule = Rule::SuperscriptAlef;
    match cluster.base {
        // هدىٰكم → هداكم; علىٰ stays على. In editions that write ى and ي
        // alike as U+06CC ARABIC LETTER FARSI YEH, one with the dagger
        // alef after a letter and no vowel of its own is the same seat; a
        // yeh with a vowel, or starting the word (یٰس), is the consonant,
        // the dagger its long ā (یَٰقوم → ياقوم).
        ALEF_MAKSURA | FARSI_YEH
            if cluster.base == ALEF_MAKSURA
                || cluster.vowel == Vowel::None && prev_letter(word, i).is_some() =>
        {
            if next_letter(word, i).is_some() {
                edits.push(Edit { rule, range: cluster.base_range.clone(), with: "\u{0627}" });
            }
            edits.push(Edit { rule, range: dagger, with: "" });
        }
        // الصلوٰة → الصلاة, الربوٰا → الربا: the waw only seats the alef.
        WAW if cluster.vowel == Vowel::None && !cluster.shadda => {
            edits.push(Edit { rule, range: cluster.base_range.clone(), with: "\u{0627}" });
            edits.push(Edit { rule, range: dagger, with: "" });
            if let Some(next) = word.get(i + 1)
                && next.base == ALEF
                && matches!(next.vowel, Vowel::None | Vowel::Sukun)
            {
                edits.push(Edit { rule, range: next.range.clone(), with: "" });
            }
        }
        // A hamza with a dagger alef (ٱلۡـَٰٔن) is the madda alef that
        // `hamza_seats` writes.
        TATWEEL | HAMZA
            if hamza_seats && (cluster.base == HAMZA || cluster.hamza_mark.is_some()) => {}
        _ if is_written_without_alef(head.get_or_insert_with(|| skeleton_head(word)), i) => {
            edits.push(Edit { rule, range: dagger, with: "" })
        }
        _ => edits.push(Edit { rule, range: dagger, with: "\u{0627}" }),
    }
}

/// Where a hamza without a seat goes, following plain spelling's rules.
pub(super) fn hamza_seat(word: &[Cluster], i: usize, edits: &mut Vec<Edit>) {
    let rule = Rule::HamzaSeats;
    let cluster = &word[i];
    match cluster.base {
        HAMZA if cluster.vowel != Vowel::None => {}
        TATWEEL if cluster.hamza_mark.is_some() => {}
        // A yeh with a hamza: the yeh seat, ئ, whatever the yeh's shape.
        _ if is_yeh(cluster.base) && cluster.hamza_mark.is_some() => {
            let mark = cluster.hamza_mark.clone().unwrap_or_default();
            {
                // تلقآيِٕ → تلقاء: a final hamza after a long ā sits on the
                // line; elsewhere on the tooth (امريٕ → امرئ).
                let after_alef = prev_letter(word, i)
                    .is_some_and(|k| matches!(word[k].base, ALEF | ALEF_WITH_MADDA_ABOVE));
                let final_hamza = next_letter(word, i).is_none();
                let seat = if after_alef && final_hamza { "\u{0621}" } else { "\u{0626}" };
                edits.push(Edit { rule, range: cluster.base_range.clone(), with: seat });
                edits.push(Edit { rule, range: mark, with: "" });
            }
            return;
        }
        _ => return,
    }
    let prev = prev_letter(word, i).map(|k| &word[k]);
    let next = next_letter(word, i).map(|k| &word[k]);
    let own = cluster.vowel;
    // A long ā before the hamza: an alef (a fatha written on it, as some
    // texts do, belongs to the letter before) or a dagger alef.
    let long_alef =
        prev.is_some_and(|p| matches!(p.base, ALEF | ALEF_WITH_MADDA_ABOVE) || p.dagger.is_some());
    // A long ū: a waw without a vowel of its own, or with a sukun after a
    // damma (مُرُوْءَة).
    let long_waw = prev_letter(word, i).is_some_and(|k| {
        let p = &word[k];
        let after_damma = prev_letter(word, k).is_some_and(|j| word[j].vowel == Vowel::Damma);
        p.base == WAW
            && !p.shadda
            && (p.vowel == Vowel::None || p.vowel == Vowel::Sukun && after_damma)
    });
    // The vowel before the hamza; a yeh before it counts as a kasra.
    let before = match prev {
        None => Vowel::None,
        Some(p) if is_yeh(p.base) => Vowel::Kasra,
        Some(p) => p.vowel,
    };
    let final_alef =
        |k: usize| word.get(k).is_some_and(|n| n.base == ALEF) && next_letter(word, k).is_none();
    if let Some(dagger) = cluster.dagger.clone() {
        // A hamza with a dagger alef is the madda alef (ٱلۡـَٰٔن → الآن,
        // سوءٰت → سوآت), or ئا after a kasra.
        let seat = if before == Vowel::Kasra { "\u{0626}\u{0627}" } else { "\u{0622}" };
        edits.push(Edit { rule, range: cluster.base_range.clone(), with: seat });
        edits.push(Edit { rule, range: dagger, with: "" });
        if let Some(mark) = cluster.hamza_mark.clone() {
            edits.push(Edit { rule, range: mark, with: "" });
        }
        return;
    }
    let vowel_alef = own == Vowel::Fatha
        && !cluster.tanween
        && word.get(i + 1).is_some_and(|n| matches!(n.base, ALEF | ALEF_WITH_MADDA_ABOVE));
    // After a one-letter proclitic the madda alef starts the word
    // (بِـَٔايٰتنا → بآياتنا).
    let after_proclitic = prev_letter(word, i) == Some(0) && is_proclitic(word[0].base);
    if vowel_alef
        && (long_alef && prev.is_some_and(|p| p.dagger.is_some())
            || after_proclitic
            || !long_alef && matches!(before, Vowel::None | Vowel::Sukun | Vowel::Fatha))
    {
        let alef = &word[i + 1];
        // رءا → رأى: a verb's final alef after the hamza is written ى.
        let with = if before == Vowel::Fatha && !after_proclitic && final_alef(i + 1) {
            "\u{0623}\u{0649}"
        } else {
            // ءامنوا → آمنوا, القرءان → القرآن, يٰـَٔادم → ياآدم.
            "\u{0622}"
        };
        edits.push(Edit { rule, range: cluster.range.start..alef.range.end, with });
        return;
    }
    let seat = if let Some(prev) = prev {
        if next.is_none() && cluster.base == HAMZA {
            // A final hamza keeps to the line.
            return;
        } else if cluster.tanween && own == Vowel::Fatha && final_alef(i + 1) {
            if before == Vowel::Fatha {
                // خطـًٔا → خطأ: after a fatha the hamza takes the alef seat
                // and the alef of tanween is not written again.
                edits.push(Edit { rule, range: word[i + 1].range.clone(), with: "" });
                "\u{0623}"
            } else if joins_next(prev.base) {
                // شيـًٔا → شيئا, but جزءًا: the tooth only where the letter
                // before joins it.
                "\u{0626}"
            } else {
                "\u{0621}"
            }
        } else if long_alef || long_waw {
            // After a long ā or ū, plain spelling writes the hamza on the
            // line unless a kasra calls for the tooth (اسرائيل).
            match own {
                Vowel::Kasra => "\u{0626}",
                Vowel::Damma if !next.is_some_and(is_waw) && long_alef => "\u{0624}",
                _ => "\u{0621}",
            }
        } else {
            match own.max(before) {
                Vowel::Kasra => "\u{0626}",
                // Before the waw of a long ū, ؤو is avoided: the tooth where
                // the letter before joins (مسئولا، يئوده), else the line (رءوف).
                Vowel::Damma if next.is_some_and(is_waw) => {
                    if joins_next(prev.base) {
                        "\u{0626}"
                    } else {
                        "\u{0621}"
                    }
                }
                Vowel::Damma => "\u{0624}",
                Vowel::Fatha => "\u{0623}",
                Vowel::Sukun | Vowel::None => "\u{0621}",
            }
        }
    } else {
        // At the start of a word: أ or إ.
        match own {
            Vowel::Kasra => "\u{0625}",
            Vowel::Fatha | Vowel::Damma => "\u{0623}",
            Vowel::Sukun | Vowel::None => "\u{0621}",
        }
    };
    if cluster.base != HAMZA || seat != "\u{0621}" {
        edits.push(Edit { rule, range: cluster.base_range.clone(), with: seat });
    }
    if let Some(mark) = cluster.hamza_mark.clone() {
        edits.push(Edit { rule, range: mark, with: "" });
    }
}

/// Small waw and small yeh as letters, or dropped after the final pronoun ه.
pub(super) fn small_letter(text: &str, word: &[Cluster], i: usize, edits: &mut Vec<Edit>) {
    let rule = Rule::SmallLetters;
    let cluster = &word[i];
    if matches!(cluster.base, SMALL_WAW | SMALL_YEH) {
        let after_pronoun =
            i > 0 && letter_class(word[i - 1].base) == HEH && next_letter(word, i).is_none();
        if after_pronoun {
            edits.push(Edit { rule, range: cluster.range.clone(), with: "" });
            return;
        }
        let letter = if cluster.base == SMALL_WAW { "\u{0648}" } else { "\u{064A}" };
        edits.push(Edit { rule, range: cluster.base_range.clone(), with: letter });
    }
    if !cluster.small_high {
        return;
    }
    let mut seat = (cluster.base == TATWEEL).then(|| cluster.base_range.clone());
    for (offset, c) in text[cluster.range.clone()].char_indices() {
        let letter = match c {
            SMALL_HIGH_YEH => "\u{064A}",
            SMALL_HIGH_NOON => "\u{0646}",
            _ => continue,
        };
        let at = cluster.range.start + offset;
        edits.push(Edit { rule, range: at..at + c.len_utf8(), with: "" });
        // On a tatweel, the letter takes the tatweel's place.
        let end = cluster.range.end;
        let range = seat.take().unwrap_or(end..end);
        edits.push(Edit { rule, range, with: letter });
    }
}

/// The relative pronouns plain spelling writes with the article's lam
/// alone: الذي، الذين، التي (their letters after the lam).
pub(super) const ONE_LAM: [&str; 3] = ["ذي", "ذين", "تي"];

/// ٱلّ before a lam: the article's own lam, written back.
pub(super) fn article_lam(word: &[Cluster], edits: &mut Vec<Edit>) {
    let Some(wasla) = word.iter().take(3).position(|c| c.base == ALEF_WASLA) else {
        return;
    };
    if !word[..wasla].iter().all(|c| is_proclitic(c.base)) {
        return;
    }
    let Some(lam) = word.get(wasla + 1).filter(|c| c.base == LAM && c.shadda) else {
        return;
    };
    let rest: String = skeleton(&word[wasla + 2..]).map(|(c, _)| c).collect();
    if lam.dagger.is_none() && ONE_LAM.contains(&rest.as_str()) {
        return;
    }
    let at = lam.range.start;
    edits.push(Edit { rule: Rule::ArticleLam, range: at..at, with: "\u{0644}" });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skeleton_head_holds_every_letter_an_entry_reads() {
        let longest = WITHOUT_ALEF.iter().map(|e| e.chars().filter(|&c| c != '^').count()).max();
        // skeleton_head takes three proclitics and four letters.
        assert_eq!(longest, Some(4));
        let mut clusters = Vec::new();
        let text = "وَلَلَٰكِنَّ";
        split_clusters(text, 0..text.len(), true, &mut clusters);
        assert_eq!(skeleton_head(&clusters).len(), 5);
    }
}
