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

/// Enclitics and inflectional endings: `(suffix, is_pronoun)`. Pronoun
/// suffixes cannot follow the article.
pub const SUFFIXES: [(&str, bool); 50] = [
    ("\u{0647}", true),                         // ه (also teh marbuta in key form)
    ("\u{0643}", true),                         // ك
    ("\u{064A}", true),                         // ي (also nisba)
    ("\u{0627}", false),                        // ا (accusative tanween alef, dual verb)
    ("\u{0647}\u{0627}", true),                 // ها
    ("\u{0647}\u{0645}", true),                 // هم
    ("\u{0647}\u{0646}", true),                 // هن
    ("\u{0643}\u{0645}", true),                 // كم
    ("\u{0643}\u{0646}", true),                 // كن
    ("\u{0646}\u{0627}", true),                 // نا
    ("\u{0646}\u{064A}", true),                 // ني
    ("\u{0627}\u{0646}", false),                // ان
    ("\u{064A}\u{0646}", false),                // ين
    ("\u{0648}\u{0646}", false),                // ون
    ("\u{0627}\u{062A}", false),                // ات
    ("\u{064A}\u{0647}", false),                // يه (nisba feminine)
    ("\u{0648}\u{0627}", false),                // وا
    ("\u{062A}\u{0645}", false),                // تم
    ("\u{062A}\u{0646}", false),                // تن
    ("\u{0647}\u{0645}\u{0627}", true),         // هما
    ("\u{0643}\u{0645}\u{0627}", true),         // كما
    ("\u{062A}\u{0627}\u{0646}", false),        // تان
    ("\u{062A}\u{064A}\u{0646}", false),        // تين
    ("\u{062A}\u{0645}\u{0627}", false),        // تما
    ("\u{0648}\u{0647}", true),                 // وه
    ("\u{0627}\u{062A}\u{0647}", true),         // اته
    ("\u{0627}\u{062A}\u{0643}", true),         // اتك
    ("\u{0627}\u{062A}\u{064A}", true),         // اتي
    ("\u{0648}\u{0647}\u{0627}", true),         // وها
    ("\u{0648}\u{0647}\u{0645}", true),         // وهم
    ("\u{0627}\u{062A}\u{0647}\u{0627}", true), // اتها
    ("\u{0627}\u{062A}\u{0647}\u{0645}", true), // اتهم
    ("\u{0627}\u{062A}\u{0646}\u{0627}", true), // اتنا
    // Nisba plurals and duals (موضوعيين, علميات).
    ("\u{064A}\u{0627}\u{0646}", false),         // يان
    ("\u{064A}\u{064A}\u{0646}", false),         // يين
    ("\u{064A}\u{0627}\u{062A}", false),         // يات
    ("\u{064A}\u{062A}\u{0627}\u{0646}", false), // يتان
    ("\u{064A}\u{062A}\u{064A}\u{0646}", false), // يتين
    // A dual or plural verb ending with an object pronoun (كتباه, كتبوك).
    ("\u{0627}\u{0647}", true),                 // اه
    ("\u{0627}\u{0643}", true),                 // اك
    ("\u{0627}\u{0646}\u{064A}", true),         // اني
    ("\u{0648}\u{0643}", true),                 // وك
    ("\u{0648}\u{0646}\u{064A}", true),         // وني
    ("\u{0627}\u{0647}\u{0627}", true),         // اها
    ("\u{0627}\u{0647}\u{0645}", true),         // اهم
    ("\u{0627}\u{0643}\u{0645}", true),         // اكم
    ("\u{0648}\u{0643}\u{0645}", true),         // وكم
    ("\u{0648}\u{0646}\u{0627}", true),         // ونا
    ("\u{062A}\u{0645}\u{0648}\u{0647}", true), // تموه
    ("\u{0627}\u{0643}\u{0645}\u{0627}", true), // اكما
];

/// The accusative alef (كتاباً written كتابا): tried only after every other
/// split, since a stem + ا reading usually hides a pronoun (كتاب|ها).
pub const WEAK_SUFFIX: &str = "\u{0627}"; // ا

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
/// Teh marbuta in key form.
pub const TEH_MARBUTA_KEY: &str = "\u{0647}";

/// The first letters of an imperfect verb (ي ت ن ا), required after س.
pub fn starts_imperfect(word: &str) -> bool {
    word.starts_with(['\u{064A}', '\u{062A}', '\u{0646}', '\u{0627}'])
}
