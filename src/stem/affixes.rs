//! The affix lists, in the lexicons' key form (the `search` preset's
//! folding: ة is written ه, أ إ آ are written ا, ى is written ي).

/// Larkey, Ballesteros and Connell's light10 (2002, 2007): the prefix و,
/// removed first when at least three characters remain.
pub const LIGHT10_WAW: &str = "\u{0648}"; // و
/// light10's definite articles, removed (the first that matches) when at
/// least two characters remain: ال وال بال كال فال لل.
pub const LIGHT10_ARTICLES: [&str; 6] = [
    "\u{0627}\u{0644}",         // ال
    "\u{0648}\u{0627}\u{0644}", // وال
    "\u{0628}\u{0627}\u{0644}", // بال
    "\u{0643}\u{0627}\u{0644}", // كال
    "\u{0641}\u{0627}\u{0644}", // فال
    "\u{0644}\u{0644}",         // لل
];
/// light10's suffixes, each tried once in this order and removed when at
/// least two characters remain: ها ان ات ون ين يه ية ه ة ي. (ية and ة cannot
/// occur in key form, where teh marbuta is already ه; they are kept so the
/// list reads as published.)
pub const LIGHT10_SUFFIXES: [&str; 10] = [
    "\u{0647}\u{0627}", // ها
    "\u{0627}\u{0646}", // ان
    "\u{0627}\u{062A}", // ات
    "\u{0648}\u{0646}", // ون
    "\u{064A}\u{0646}", // ين
    "\u{064A}\u{0647}", // يه
    "\u{064A}\u{0629}", // ية
    "\u{0647}",         // ه
    "\u{0629}",         // ة
    "\u{064A}",         // ي
];

/// Lucene's ArabicStemmer (org.apache.lucene.analysis.ar) prefixes, in its
/// order: light10's articles, then و. Only the first that matches is
/// removed, و when the word has at least four characters and the others
/// when at least two remain. Its suffixes are [`LIGHT10_SUFFIXES`], in the
/// same order and under the same rule.
pub fn lucene_prefixes() -> impl Iterator<Item = &'static str> {
    LIGHT10_ARTICLES.into_iter().chain([LIGHT10_WAW])
}

/// What a proclitic sequence is made of, which limits the suffixes it can
/// combine with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrefixKind {
    /// Conjunctions and prepositions only: any suffix.
    Clitic,
    /// Contains the article ال: a noun, so no pronoun suffix can follow.
    Article,
    /// The future particle س: an imperfect verb follows (ي ت ن ا).
    Future,
}

/// Proclitic sequences: conjunction (و ف), preposition (ب ك ل), article
/// (ال, with ل + ال written لل), future (س), in every legal order.
pub const PREFIXES: [(&str, PrefixKind); 26] = [
    ("\u{0648}", PrefixKind::Clitic),                          // و
    ("\u{0641}", PrefixKind::Clitic),                          // ف
    ("\u{0628}", PrefixKind::Clitic),                          // ب
    ("\u{0643}", PrefixKind::Clitic),                          // ك
    ("\u{0644}", PrefixKind::Clitic),                          // ل
    ("\u{0633}", PrefixKind::Future),                          // س
    ("\u{0648}\u{0628}", PrefixKind::Clitic),                  // وب
    ("\u{0641}\u{0628}", PrefixKind::Clitic),                  // فب
    ("\u{0648}\u{0643}", PrefixKind::Clitic),                  // وك
    ("\u{0641}\u{0643}", PrefixKind::Clitic),                  // فك
    ("\u{0648}\u{0644}", PrefixKind::Clitic),                  // ول
    ("\u{0641}\u{0644}", PrefixKind::Clitic),                  // فل
    ("\u{0648}\u{0633}", PrefixKind::Future),                  // وس
    ("\u{0641}\u{0633}", PrefixKind::Future),                  // فس
    ("\u{0627}\u{0644}", PrefixKind::Article),                 // ال
    ("\u{0644}\u{0644}", PrefixKind::Article),                 // لل
    ("\u{0648}\u{0627}\u{0644}", PrefixKind::Article),         // وال
    ("\u{0641}\u{0627}\u{0644}", PrefixKind::Article),         // فال
    ("\u{0628}\u{0627}\u{0644}", PrefixKind::Article),         // بال
    ("\u{0643}\u{0627}\u{0644}", PrefixKind::Article),         // كال
    ("\u{0648}\u{0644}\u{0644}", PrefixKind::Article),         // ولل
    ("\u{0641}\u{0644}\u{0644}", PrefixKind::Article),         // فلل
    ("\u{0648}\u{0628}\u{0627}\u{0644}", PrefixKind::Article), // وبال
    ("\u{0641}\u{0628}\u{0627}\u{0644}", PrefixKind::Article), // فبال
    ("\u{0648}\u{0643}\u{0627}\u{0644}", PrefixKind::Article), // وكال
    ("\u{0641}\u{0643}\u{0627}\u{0644}", PrefixKind::Article), // فكال
];

/// The article-bearing prefixes, longest first, for the fallback cut.
pub const ARTICLE_PREFIXES: [&str; 12] = [
    "\u{0648}\u{0628}\u{0627}\u{0644}", // وبال
    "\u{0641}\u{0628}\u{0627}\u{0644}", // فبال
    "\u{0648}\u{0643}\u{0627}\u{0644}", // وكال
    "\u{0641}\u{0643}\u{0627}\u{0644}", // فكال
    "\u{0648}\u{0627}\u{0644}",         // وال
    "\u{0641}\u{0627}\u{0644}",         // فال
    "\u{0628}\u{0627}\u{0644}",         // بال
    "\u{0643}\u{0627}\u{0644}",         // كال
    "\u{0648}\u{0644}\u{0644}",         // ولل
    "\u{0641}\u{0644}\u{0644}",         // فلل
    "\u{0627}\u{0644}",                 // ال
    "\u{0644}\u{0644}",                 // لل
];

/// The pronoun enclitics: ه ها هم هما هن ك كم كما كن ي ني نا.
pub const PRONOUNS: [&str; 12] = [
    "\u{0647}",                 // ه
    "\u{0647}\u{0627}",         // ها
    "\u{0647}\u{0645}",         // هم
    "\u{0647}\u{0645}\u{0627}", // هما
    "\u{0647}\u{0646}",         // هن
    "\u{0643}",                 // ك
    "\u{0643}\u{0645}",         // كم
    "\u{0643}\u{0645}\u{0627}", // كما
    "\u{0643}\u{0646}",         // كن
    "\u{064A}",                 // ي
    "\u{0646}\u{064A}",         // ني
    "\u{0646}\u{0627}",         // نا
];

/// Noun endings (number, gender, nisba), which may follow the article:
/// ا ه ان ين ون ات تان تين يه يان يين يات يتان يتين. ه is teh marbuta in
/// key form, the feminine of an adjective or participle whose masculine is
/// the stem (الجديدة: جديد, العربية: عربي); a noun whose stem ends in ة
/// (مدرسة) is a longer stem and wins.
pub const NOUN_ENDINGS: [&str; 14] = [
    "\u{0627}",                         // ا (accusative alef)
    "\u{0647}",                         // ه (teh marbuta, feminine)
    "\u{0627}\u{0646}",                 // ان
    "\u{064A}\u{0646}",                 // ين
    "\u{0648}\u{0646}",                 // ون
    "\u{0627}\u{062A}",                 // ات
    "\u{062A}\u{0627}\u{0646}",         // تان
    "\u{062A}\u{064A}\u{0646}",         // تين
    "\u{064A}\u{0647}",                 // يه (nisba feminine)
    "\u{064A}\u{0627}\u{0646}",         // يان
    "\u{064A}\u{064A}\u{0646}",         // يين
    "\u{064A}\u{0627}\u{062A}",         // يات
    "\u{064A}\u{062A}\u{0627}\u{0646}", // يتان
    "\u{064A}\u{062A}\u{064A}\u{0646}", // يتين
];

/// Verb endings (subject markers), which never follow the article:
/// ت وا تم تن تما.
pub const VERB_ENDINGS: [&str; 5] = [
    "\u{062A}",                 // ت (قالت, كتبت)
    "\u{0648}\u{0627}",         // وا
    "\u{062A}\u{0645}",         // تم
    "\u{062A}\u{0646}",         // تن
    "\u{062A}\u{0645}\u{0627}", // تما
];

/// Endings that a pronoun can follow, as written before it: the dual and
/// construct ا و, the plural ات, the verb subjects ت نا ون ان ين and تمو
/// (وا loses its alef: كتبوه).
pub const BEFORE_PRONOUN: [&str; 9] = [
    "\u{0627}",                 // ا  (كتاباه)
    "\u{0648}",                 // و  (معلموه, كتبوه)
    "\u{0627}\u{062A}",         // ات (سياراتهم)
    "\u{062A}",                 // ت  (كتبته)
    "\u{0646}\u{0627}",         // نا (كتبناه)
    "\u{0648}\u{0646}",         // ون (يكتبونها)
    "\u{0627}\u{0646}",         // ان (يكتبانه)
    "\u{064A}\u{0646}",         // ين (تكتبينه)
    "\u{062A}\u{0645}\u{0648}", // تمو (كتبتموه)
];

/// One suffix of the generated list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suffix {
    /// The suffix in key form.
    pub text: String,
    /// Whether the article may precede it (noun endings only).
    pub after_article: bool,
    /// Tried only after every other split (the accusative alef).
    pub weak: bool,
}

/// Every legal suffix: the pronouns, the noun and verb endings, and each
/// ending that a pronoun can follow combined with each pronoun.
pub static SUFFIXES: std::sync::LazyLock<Vec<Suffix>> = std::sync::LazyLock::new(|| {
    let mut all = Vec::new();
    let mut add = |text: String, after_article: bool| {
        if !all.iter().any(|s: &Suffix| s.text == text) {
            let weak = text == WEAK_SUFFIX || text == CONSTRUCT_PLURAL;
            all.push(Suffix { text, after_article, weak });
        }
    };
    for ending in NOUN_ENDINGS {
        add(ending.to_string(), true);
    }

    add(CONSTRUCT_PLURAL.to_string(), false);
    for ending in VERB_ENDINGS.iter().chain(PRONOUNS.iter()) {
        add(ending.to_string(), false);
    }
    for ending in BEFORE_PRONOUN {
        for pronoun in PRONOUNS {
            add(format!("{ending}{pronoun}"), false);
        }
    }
    all
});

/// The suffixes in a trie read from their last character backwards, so
/// the suffixes a word ends with are found in one walk of at most the
/// longest suffix's length, where a list of the suffixes sharing its last
/// letter held up to 43 (those ending in ا).
struct SuffixTrie {
    nodes: Vec<TrieNode>,
}

#[derive(Default)]
struct TrieNode {
    children: Vec<(char, usize)>,
    /// The suffix that ends here (read backwards), if any.
    suffix: Option<&'static Suffix>,
}

static SUFFIX_TRIE: std::sync::LazyLock<SuffixTrie> = std::sync::LazyLock::new(|| {
    let mut nodes = vec![TrieNode::default()];
    for suffix in SUFFIXES.iter() {
        let mut node = 0;
        for c in suffix.text.chars().rev() {
            node = match nodes[node].children.iter().find(|(k, _)| *k == c) {
                Some(&(_, child)) => child,
                None => {
                    nodes.push(TrieNode::default());
                    let child = nodes.len() - 1;
                    nodes[node].children.push((c, child));
                    child
                }
            };
        }
        nodes[node].suffix = Some(suffix);
    }
    SuffixTrie { nodes }
});

/// The suffixes `word` ends with, shortest first.
pub fn suffixes_of(word: &str) -> impl Iterator<Item = &'static Suffix> + '_ {
    let nodes = &SUFFIX_TRIE.nodes;
    let mut node = 0;
    let mut chars = word.chars().rev();
    std::iter::from_fn(move || {
        loop {
            let c = chars.next()?;
            node = nodes[node].children.iter().find(|(k, _)| *k == c)?.1;
            if let Some(suffix) = nodes[node].suffix {
                return Some(suffix);
            }
        }
    })
}

/// `PREFIXES`, indexed by their first character.
static PREFIXES_BY_FIRST: std::sync::LazyLock<Vec<Vec<(&'static str, PrefixKind)>>> =
    std::sync::LazyLock::new(|| {
        let mut table = vec![Vec::new(); 256];
        for (prefix, kind) in PREFIXES {
            if let Some(first) = prefix.chars().next() {
                let index = (first as u32).wrapping_sub(0x0600);
                if index < 256 {
                    table[index as usize].push((prefix, kind));
                }
            }
        }
        table
    });

/// The prefixes that begin with `word`'s first character.
pub fn prefixes_starting_like(word: &str) -> &'static [(&'static str, PrefixKind)] {
    let index = word.chars().next().map_or(u32::MAX, |c| (c as u32).wrapping_sub(0x0600));
    PREFIXES_BY_FIRST.get(index as usize).map_or(&[], Vec::as_slice)
}

/// `word.starts_with(prefix)`, compared inline: affixes are a few bytes,
/// where a call to `memcmp` costs more than the comparison.
#[inline]
pub fn has_prefix(word: &str, prefix: &str) -> bool {
    let (w, p) = (word.as_bytes(), prefix.as_bytes());
    w.len() >= p.len() && w.iter().zip(p).all(|(a, b)| a == b)
}

/// `word.ends_with(suffix)`, compared inline (see [`has_prefix`]).
#[inline]
pub fn has_suffix(word: &str, suffix: &str) -> bool {
    let (w, s) = (word.as_bytes(), suffix.as_bytes());
    w.len() >= s.len() && w[w.len() - s.len()..].iter().zip(s).all(|(a, b)| a == b)
}

/// The accusative alef (كتاباً written كتابا): tried only after every other
/// split, since a stem + ا reading usually hides a pronoun (كتاب|ها).
pub const WEAK_SUFFIX: &str = "\u{0627}"; // ا

/// The masculine plural in construct (مسؤولو الوزارة, لاعبو الفريق: ون
/// without its ن), never after the article; tried only after every other
/// split, like the accusative alef, since a word ending in و is more often
/// whole (نحو, عضو) or a name (رونالدو).
pub const CONSTRUCT_PLURAL: &str = "\u{0648}"; // و

/// Suffixes the fallback cuts from a word no lexicon knows, longest first:
/// plural and dual endings and two-letter pronouns, which rarely end a
/// name or loanword by chance.
pub const FALLBACK_SUFFIXES: [&str; 10] = [
    "\u{0647}\u{0645}\u{0627}", // هما
    "\u{0643}\u{0645}\u{0627}", // كما
    "\u{0627}\u{062A}",         // ات
    "\u{0648}\u{0646}",         // ون
    "\u{064A}\u{0646}",         // ين
    "\u{0627}\u{0646}",         // ان
    "\u{0647}\u{0627}",         // ها
    "\u{0647}\u{0645}",         // هم
    "\u{0647}\u{0646}",         // هن
    "\u{0643}\u{0645}",         // كم
];

/// U+062A ARABIC LETTER TEH: teh marbuta becomes teh before a suffix
/// (مدرسة + ه → مدرسته), so a stem ending in ت is also tried with ه.
pub const TEH: char = '\u{062A}';
/// U+0643 ARABIC LETTER KAF as a proclitic alone (the preposition "as,
/// like"): tried after every other split (see `Stemmer::lexicon`).
pub const KAF: &str = "\u{0643}";
/// The feminine sound plural ending, which replaces teh marbuta.
pub const FEMININE_PLURAL: &str = "\u{0627}\u{062A}"; // ات
/// The nisba ending, U+064A ARABIC LETTER YEH (and alef maksura in key
/// form): a noun + ي is the adjective "of, from" it (مصر, مصري).
pub const NISBA: &str = "\u{064A}"; // ي
/// The definite article ال.
pub const ARTICLE: &str = "\u{0627}\u{0644}"; // ال
/// The preposition ل before the article, written لل (the article's alef
/// is not written), alone and after a conjunction: لل ولل فلل.
pub const LAM_ARTICLES: [&str; 3] = [
    "\u{0644}\u{0644}",         // لل
    "\u{0648}\u{0644}\u{0644}", // ولل
    "\u{0641}\u{0644}\u{0644}", // فلل
];
/// The pronouns a preposition or particle takes (فيه, عليهم, منها,
/// لدينا, انك), longest first: such a word is a stopword, kept whole. The
/// one-letter ه is also teh marbuta in key form, so only the hosts that
/// take it are tried with it (see [`PRONOUN_HOSTS`]); "me", ي, is left
/// out: علي is على far more often than "on me".
pub const PRONOUN_SUFFIXES: [&str; 10] = [
    "\u{0647}\u{0645}\u{0627}", // هما
    "\u{0643}\u{0645}\u{0627}", // كما
    "\u{0647}\u{0645}",         // هم
    "\u{0647}\u{0646}",         // هن
    "\u{0643}\u{0645}",         // كم
    "\u{0643}\u{0646}",         // كن
    "\u{0647}\u{0627}",         // ها
    "\u{0646}\u{0627}",         // نا
    "\u{0647}",                 // ه
    "\u{0643}",                 // ك
];

/// The prepositions and particles that take a pronoun suffix, in key
/// form, each with whether it takes the one-letter ه: not where host + ة
/// is a common word that key form writes the same way (آلية, قبلة,
/// غيرة, بينة, عبرة, إمامة, بعدة).
pub const PRONOUN_HOSTS: [(&str, bool); 27] = [
    ("\u{0641}\u{064A}", true),                  // في
    ("\u{0645}\u{0646}", true),                  // من
    ("\u{0639}\u{0646}", true),                  // عن
    ("\u{0627}\u{0646}", true),                  // ان (أن, إن)
    ("\u{0645}\u{0639}", true),                  // مع
    ("\u{0643}\u{0644}", true),                  // كل
    ("\u{0639}\u{0644}\u{064A}", true),          // علي (على)
    ("\u{0627}\u{0644}\u{064A}", false),         // الي (إلى)
    ("\u{0644}\u{062F}\u{064A}", true),          // لدي (لدى)
    ("\u{0639}\u{0646}\u{062F}", true),          // عند
    ("\u{0628}\u{064A}\u{0646}", false),         // بين
    ("\u{0628}\u{0639}\u{062F}", false),         // بعد
    ("\u{0642}\u{0628}\u{0644}", false),         // قبل
    ("\u{062F}\u{0648}\u{0646}", true),          // دون
    ("\u{062D}\u{0648}\u{0644}", true),          // حول
    ("\u{0645}\u{062B}\u{0644}", true),          // مثل
    ("\u{063A}\u{064A}\u{0631}", false),         // غير
    ("\u{0628}\u{0639}\u{0636}", true),          // بعض
    ("\u{0646}\u{0641}\u{0633}", true),          // نفس
    ("\u{0644}\u{0643}\u{0646}", true),          // لكن
    ("\u{062A}\u{062D}\u{062A}", true),          // تحت
    ("\u{0641}\u{0648}\u{0642}", true),          // فوق
    ("\u{0636}\u{062F}", true),                  // ضد
    ("\u{0639}\u{0628}\u{0631}", false),         // عبر
    ("\u{062E}\u{0644}\u{0641}", false),         // خلف
    ("\u{0627}\u{0645}\u{0627}\u{0645}", false), // امام
    ("\u{062C}\u{0645}\u{064A}\u{0639}", true),  // جميع
];

/// The auxiliary verbs, كان and its sisters and the verbs of approach, in
/// key form: the stopwords whose inflected forms (كانت, يكون, ليست,
/// أصبحت) are stemmed to them. Another stopword is kept whole, whatever
/// its letters look like: أنتم is the pronoun, not ان + تم, and إياهم not
/// اي + اهم.
pub const AUXILIARY_VERBS: [&str; 15] = [
    "\u{0643}\u{0627}\u{0646}",         // كان
    "\u{0644}\u{064A}\u{0633}",         // ليس
    "\u{0627}\u{0635}\u{0628}\u{062D}", // اصبح (أصبح)
    "\u{0627}\u{0636}\u{062D}\u{064A}", // اضحي (أضحى)
    "\u{0627}\u{0645}\u{0633}\u{064A}", // امسي (أمسى)
    "\u{0638}\u{0644}",                 // ظل
    "\u{0628}\u{0627}\u{062A}",         // بات
    "\u{0635}\u{0627}\u{0631}",         // صار
    "\u{0632}\u{0627}\u{0644}",         // زال
    "\u{062F}\u{0627}\u{0645}",         // دام
    "\u{0628}\u{0631}\u{062D}",         // برح
    "\u{0643}\u{0627}\u{062F}",         // كاد
    "\u{0627}\u{0648}\u{0634}\u{0643}", // اوشك (أوشك)
    "\u{0639}\u{0633}\u{064A}",         // عسي (عسى)
    "\u{0627}\u{0646}\u{0641}\u{0643}", // انفك
];

/// The conjunctions و and ف, then none: the proclitics a function word
/// with a pronoun may have (وعليه, فإنه, عليه).
const CONJUNCTIONS_OR_NONE: [&str; 3] = ["\u{0648}", "\u{0641}", ""];

/// Whether `key` is a preposition or particle with a pronoun attached,
/// possibly after و or ف (فيكم, عليهم, لدينا, منها, انه, وعليه): the
/// bytes of the conjunction if so (0 for none).
pub fn host_and_pronoun(key: &str) -> Option<usize> {
    // Every form, looked up by hash in one table: this runs on every word
    // the memos miss, where trying each host and pronoun in turn cost 5%
    // of `sarf stem`. Forms are six to sixteen bytes long.
    if !(6..=16).contains(&key.len()) {
        return None;
    }
    let table = &*HOSTS_AND_PRONOUNS;
    let hash = crate::hash::hash(key.as_bytes());
    let mut slot = table.slot(hash);
    loop {
        let form = table.forms.get(usize::from(table.slots[slot]))?;
        if form.hash == hash && form.text == key {
            return Some(form.conjunction.len());
        }
        slot = (slot + 1) & (table.slots.len() - 1);
    }
}

/// One conjunction + host + pronoun form (see [`host_and_pronoun`]).
struct HostAndPronoun {
    hash: u64,
    text: String,
    conjunction: &'static str,
}

/// The forms [`host_and_pronoun`] recognizes, in an open-addressing table
/// of indexes into them (`u16::MAX` for an empty slot), at most a quarter
/// full.
struct HostsAndPronouns {
    forms: Vec<HostAndPronoun>,
    slots: Vec<u16>,
}

impl HostsAndPronouns {
    fn slot(&self, hash: u64) -> usize {
        // The hash's low bits are weak: its high bits, spread.
        let bits = self.slots.len().trailing_zeros();
        (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
    }
}

static HOSTS_AND_PRONOUNS: std::sync::LazyLock<HostsAndPronouns> = std::sync::LazyLock::new(|| {
    let mut forms = Vec::new();
    for conjunction in CONJUNCTIONS_OR_NONE {
        for (host, takes_heh) in PRONOUN_HOSTS {
            for pronoun in PRONOUN_SUFFIXES {
                if pronoun == TEH_MARBUTA_KEY && !takes_heh {
                    continue;
                }
                let text = format!("{conjunction}{host}{pronoun}");
                let hash = crate::hash::hash(text.as_bytes());
                forms.push(HostAndPronoun { hash, text, conjunction });
            }
        }
    }
    let mut table = HostsAndPronouns {
        slots: vec![u16::MAX; (forms.len() * 4).next_power_of_two()],
        forms: Vec::new(),
    };
    for (i, form) in forms.iter().enumerate() {
        let mut slot = table.slot(form.hash);
        while table.slots[slot] != u16::MAX {
            slot = (slot + 1) & (table.slots.len() - 1);
        }
        table.slots[slot] = i as u16;
    }
    table.forms = forms;
    table
});

/// Teh marbuta in key form.
pub const TEH_MARBUTA_KEY: &str = "\u{0647}";

/// The first letters of an imperfect verb (ي ت ن ا), required after س.
pub fn starts_imperfect(word: &str) -> bool {
    word.starts_with(['\u{064A}', '\u{062A}', '\u{0646}', '\u{0627}'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trie_finds_exactly_the_suffixes_a_word_ends_with() {
        for word in ["كتابهما", "مدرستهم", "كتبتموها", "سياراتهم", "معلمين", "ا", "", "xyz", "بيت"]
        {
            let mut expected: Vec<&str> =
                SUFFIXES.iter().map(|s| s.text.as_str()).filter(|s| word.ends_with(s)).collect();
            expected.sort_by_key(|s| s.len());
            let found: Vec<&str> = suffixes_of(word).map(|s| s.text.as_str()).collect();
            assert_eq!(found, expected, "{word}");
        }
    }

    #[test]
    fn lucene_affixes_are_two_byte_letters() {
        // The Lucene stemmer counts a UTF-16 unit per two bytes of affix.
        for affix in lucene_prefixes().chain(LIGHT10_SUFFIXES) {
            assert!(affix.chars().all(|c| c.len_utf8() == 2 && c.len_utf16() == 1), "{affix}");
        }
    }
}
