//! Tokenizing: splitting text into words and numbers with byte offsets.
//!
//! Works on raw or normalized text and never copies: each [`Token`] is a
//! slice of the input with its byte range. The rules, in the spirit of
//! Unicode word boundaries (UAX #29) but tuned for Arabic-script text:
//!
//! * Letters, digits and combining marks form tokens; everything else
//!   (spaces, punctuation including ، ؛ ؟ ۔, symbols) separates them.
//! * Arabic-script letters and letters of other scripts do not share a
//!   token (`بالـCOVID` gives `بال` and `COVID`); digits join the letters
//!   around them (`mp3`, `٢٠٢٤م`, `G7`).
//! * Inside a word, U+200C ZERO WIDTH NON-JOINER (Persian می‌خواهم), U+200D
//!   ZERO WIDTH JOINER, tatweel, the soft hyphen and the invisible
//!   direction marks do not split it; at a word's edge they are dropped.
//! * Between digits, `.` `,` U+066B and U+066C stay in the number (`3.14`,
//!   `١٬٠٠٠`); between Latin letters an apostrophe stays (`don't`).

use crate::chars::combining_class;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Arabic-script letters (possibly with digits and marks).
    Arabic,
    /// Digits only (with decimal and thousands separators).
    Number,
    /// Letters of other scripts (possibly with digits).
    Other,
}

/// A token: a slice of the input and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text, a slice of the input.
    pub text: &'a str,
    /// Byte offset of the token in the input.
    pub start: usize,
    /// Byte offset just past the token.
    pub end: usize,
    /// What the token is made of.
    pub kind: TokenKind,
}

/// The tokens of `text`, in order.
///
/// ```
/// use sarf::tokenize::{tokenize, TokenKind};
///
/// let tokens: Vec<_> = tokenize("قال: «الرئيس» وصل في 3.5 ساعة").collect();
/// let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
/// assert_eq!(words, ["قال", "الرئيس", "وصل", "في", "3.5", "ساعة"]);
/// assert_eq!(tokens[4].kind, TokenKind::Number);
/// assert_eq!(&"قال: «الرئيس» وصل في 3.5 ساعة"[tokens[1].start..tokens[1].end], "الرئيس");
/// ```
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// Iterator over the tokens of a string; see [`tokenize`].
#[derive(Clone, Debug)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

/// The class of one character, as far as token boundaries go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    ArabicLetter,
    Letter,
    Digit,
    Mark,
    /// Invisible inside a word (ZWNJ, ZWJ, tatweel, soft hyphen, LRM...).
    Joiner,
    /// `.` `,` and the Arabic decimal/thousands separators.
    NumberSeparator,
    Apostrophe,
    Separator,
}

/// The class of every character of U+0600..=U+06FF.
static ARABIC_BLOCK: [Class; 256] = {
    let mut table = [Class::ArabicLetter; 256];
    let mut i = 0;
    while i < 256 {
        let cp = 0x0600 + i as u32;
        table[i] = match cp {
            0x0600..=0x0605 | 0x06DD => Class::Joiner, // number signs, end of ayah (format)
            0x0606..=0x060F => Class::Separator,       // signs, comma, date separator, poetic marks
            0x0610..=0x061A => Class::Mark,
            // Semicolon, punctuation, question mark (U+061C is patched below).
            0x061B..=0x061F => Class::Separator,
            0x0640 => Class::Joiner, // tatweel
            0x064B..=0x065F | 0x0670 => Class::Mark,
            0x0660..=0x0669 | 0x06F0..=0x06F9 => Class::Digit,
            0x066A | 0x066D => Class::Separator, // percent, five pointed star
            0x066B | 0x066C => Class::NumberSeparator,
            0x06D4 => Class::Separator, // full stop
            0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7 | 0x06E8 | 0x06EA..=0x06ED => Class::Mark,
            0x06DE | 0x06E9 | 0x06FD | 0x06FE => Class::Separator, // symbols
            _ => Class::ArabicLetter,
        };
        i += 1;
    }
    // U+061C ARABIC LETTER MARK lies inside the punctuation range above.
    table[0x1C] = Class::Joiner; // U+061C ARABIC LETTER MARK
    table
};

fn classify(c: char) -> Class {
    let cp = c as u32;
    if cp < 0x80 {
        return match c {
            'a'..='z' | 'A'..='Z' => Class::Letter,
            '0'..='9' => Class::Digit,
            '.' | ',' => Class::NumberSeparator,
            '\'' => Class::Apostrophe,
            _ => Class::Separator,
        };
    }
    if (0x0600..=0x06FF).contains(&cp) {
        return ARABIC_BLOCK[(cp - 0x0600) as usize];
    }
    match c {
        '\u{200C}'
        | '\u{200D}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{00AD}'
        | '\u{2060}'
        | '\u{FEFF}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Class::Joiner,
        '\u{2019}' => Class::Apostrophe,
        _ if combining_class(c) != 0 => Class::Mark,
        _ if is_arabic_script(c) && c.is_alphabetic() => Class::ArabicLetter,
        // A presentation form that normalizes to letters is a word, even
        // when Unicode calls it a symbol (U+FDFC RIAL SIGN is ريال): the
        // same text must give the same tokens before and after normalizing.
        _ if crate::chars::presentation_form(c)
            .is_some_and(|e| e.chars().any(char::is_alphabetic)) =>
        {
            Class::ArabicLetter
        }
        _ if c.is_alphabetic() => Class::Letter,
        _ if c.is_numeric() => Class::Digit,
        _ => Class::Separator,
    }
}

/// The Arabic blocks outside U+0600..=U+06FF: Supplement, Extended-A/B and
/// the presentation forms.
fn is_arabic_script(c: char) -> bool {
    matches!(c as u32, 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Whether a character of class `next` may continue a token whose last
/// letter class (Arabic or other, `None` if only digits so far) is `script`.
fn continues(script: Option<Class>, next: Class) -> bool {
    match next {
        Class::Digit | Class::Mark => true,
        Class::ArabicLetter | Class::Letter => script.is_none_or(|s| s == next),
        _ => false,
    }
}

fn is_word(class: Class) -> bool {
    matches!(class, Class::ArabicLetter | Class::Letter | Class::Digit)
}

/// The classes of ASCII, by byte.
static ASCII: [Class; 128] = {
    let mut table = [Class::Separator; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'.' | b',' => Class::NumberSeparator,
            b'\'' => Class::Apostrophe,
            _ => Class::Separator,
        };
        b += 1;
    }
    table
};

/// The length and class of the character at byte `at`, if any.
///
/// ASCII and U+0600..=U+06FF (two-byte sequences led by 0xD8..=0xDB) are
/// nearly every character of Arabic text, so they are decoded here from
/// the bytes; anything else goes through `chars()`.
#[inline(always)]
fn char_at(text: &str, at: usize) -> Option<(usize, Class)> {
    let bytes = text.as_bytes();
    let &lead = bytes.get(at)?;
    if lead < 0x80 {
        return Some((1, ASCII[lead as usize]));
    }
    if (0xD8..=0xDB).contains(&lead) {
        // Valid UTF-8: a continuation byte follows the lead.
        let low = bytes.get(at + 1).copied().unwrap_or(0x80);
        return Some((2, arabic_class(lead, low)));
    }
    text[at..].chars().next().map(|c| (c.len_utf8(), classify(c)))
}

/// The class of the U+0600..=U+06FF character encoded as `lead` (0xD8..=0xDB)
/// and `low`.
#[inline]
fn arabic_class(lead: u8, low: u8) -> Class {
    ARABIC_BLOCK[block_index(lead, low)]
}

/// The index in [`ARABIC_BLOCK`] of the character encoded as `lead`
/// (0xD8..=0xDB) and `low`.
#[inline(always)]
const fn block_index(lead: u8, low: u8) -> usize {
    (lead as usize & 0x03) << 6 | (low & 0x3F) as usize
}

/// Whether the bytes `lead low` are a character that continues a run of
/// Arabic letters: a letter or a mark of U+0600..=U+06FF. One bit test on
/// the pair, where checking the lead and looking the character up would
/// take a branch and a table each: most of the tokenizer's time is this
/// test, once per letter.
#[inline(always)]
fn continues_arabic_word(lead: u8, low: u8) -> bool {
    let pair = u16::from_be_bytes([lead, low]) as usize;
    ARABIC_WORD_PAIRS[pair >> 6] >> (pair & 63) & 1 != 0
}

/// Bit `lead << 8 | low` is set when `lead low` is the UTF-8 of a letter
/// or a mark of U+0600..=U+06FF (8 KiB, of which Arabic text touches the
/// 128 bytes of leads 0xD8..=0xDB).
static ARABIC_WORD_PAIRS: [u64; 1024] = {
    let mut map = [0u64; 1024];
    let mut lead = 0xD8;
    while lead <= 0xDB {
        let mut low = 0x80;
        while low <= 0xBF {
            let class = ARABIC_BLOCK[block_index(lead as u8, low as u8)];
            if matches!(class, Class::ArabicLetter | Class::Mark) {
                let pair = lead << 8 | low;
                map[pair >> 6] |= 1 << (pair & 63);
            }
            low += 1;
        }
        lead += 1;
    }
    map
};

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    #[inline(always)]
    fn next(&mut self) -> Option<Token<'a>> {
        self.next_arabic_word().or_else(|| self.next_any())
    }
}

/// The class of the two-byte character `lead low` for the fast path: the
/// characters of U+0600..=U+06FF, and U+00A0 NO-BREAK SPACE, U+00AB
/// LEFT-POINTING DOUBLE ANGLE QUOTATION MARK and U+00BB RIGHT-POINTING
/// DOUBLE ANGLE QUOTATION MARK, which are separators; `None` for the rest,
/// which [`Tokens::next_any`] decodes.
#[inline(always)]
fn pair_class(lead: u8, low: u8) -> Option<Class> {
    match lead {
        0xD8..=0xDB => Some(arabic_class(lead, low)),
        0xC2 if matches!(low, 0xA0 | 0xAB | 0xBB) => Some(Class::Separator),
        _ => None,
    }
}

impl<'a> Tokens<'a> {
    /// The common case in a few instructions: after separators, a run of
    /// Arabic letters (and marks) followed by something that cannot extend
    /// it. `None` when the next token is anything else;
    /// [`next_any`](Self::next_any) then takes it, from after the
    /// separators skipped here (which it would skip too).
    ///
    /// In the news corpus, 98% of tokens are such words; 4.6% follow
    /// U+060C ARABIC COMMA and 1.7% a guillemet, and sentences start after
    /// a full stop: all are skipped here.
    #[inline(always)]
    fn next_arabic_word(&mut self) -> Option<Token<'a>> {
        let bytes = self.text.as_bytes();
        let mut start = self.pos;
        let end = loop {
            // ASCII that is not a word character (spaces, punctuation, and
            // `.` `,` `'` outside a word) never starts a token.
            while let Some(&b) = bytes.get(start) {
                if b >= 0x80 || is_word(ASCII[b as usize]) {
                    break;
                }
                start += 1;
            }
            if let Some(&[lead @ 0xD8..=0xDB, low]) = bytes.get(start..start + 2)
                && arabic_class(lead, low) == Class::ArabicLetter
            {
                // Letters and marks, two bytes each.
                let after = bytes[start + 2..].chunks_exact(2);
                let run = after.take_while(|pair| continues_arabic_word(pair[0], pair[1])).count();
                break start + 2 + 2 * run;
            }
            // Not a word character: nothing a token starts with, so
            // `next_any` would skip it too.
            match bytes.get(start..) {
                Some(&[lead, low, ..]) if pair_class(lead, low).is_some_and(|c| !is_word(c)) => {
                    start += 2;
                }
                _ => {
                    self.pos = start;
                    return None;
                }
            }
        };
        // After Arabic letters, only a digit, a joiner or a mark could
        // extend the token (see `next_any`); a separator ends it.
        let ends = match bytes.get(end) {
            None => true,
            Some(&b) if b < 0x80 => ASCII[b as usize] != Class::Digit,
            Some(&lead) => matches!(
                pair_class(lead, bytes.get(end + 1).copied().unwrap_or(0)),
                Some(Class::Separator | Class::NumberSeparator)
            ),
        };
        if !ends {
            self.pos = start;
            return None;
        }
        self.pos = end;
        Some(Token { text: &self.text[start..end], start, end, kind: TokenKind::Arabic })
    }

    /// The next token, whatever it is.
    fn next_any(&mut self) -> Option<Token<'a>> {
        let text = self.text;
        // Skip to the start of a token.
        let mut start = self.pos;
        let first = loop {
            let Some((len, class)) = char_at(text, start) else {
                self.pos = text.len();
                return None;
            };
            if is_word(class) {
                break class;
            }
            start += len;
        };
        // The letter class of the token so far (`None` while only digits),
        // and the class of its last non-mark character.
        let mut script = (first != Class::Digit).then_some(first);
        let mut last = first;
        let mut end = start;
        let bytes = text.as_bytes();
        loop {
            if script == Some(Class::ArabicLetter) {
                // The common case, a run of Arabic letters and marks, in
                // a loop of its own.
                while let [lead @ 0xD8..=0xDB, low, ..] = bytes[end..] {
                    match arabic_class(lead, low) {
                        Class::ArabicLetter => last = Class::ArabicLetter,
                        Class::Mark => {}
                        _ => break,
                    }
                    end += 2;
                }
            }
            let Some((len, class)) = char_at(text, end) else { break };
            if end == start || continues(script, class) {
                if matches!(class, Class::ArabicLetter | Class::Letter) {
                    script = Some(class);
                }
                if class != Class::Mark {
                    last = class;
                }
                end += len;
                continue;
            }
            // A joiner run, a number separator or an apostrophe stays in the
            // token only if the right kind of word character follows it.
            let bridge_end = match class {
                Class::Joiner => {
                    let mut at = end;
                    while let Some((len, Class::Joiner)) = char_at(text, at) {
                        at += len;
                    }
                    at
                }
                Class::NumberSeparator if last == Class::Digit => end + len,
                Class::Apostrophe if last == Class::Letter => end + len,
                _ => break,
            };
            let joins = match (class, char_at(text, bridge_end).map(|(_, n)| n)) {
                // A tatweel carries marks in diacritized and Quranic text
                // (شيـًٔا, الكتـَاب): the marks after it stay in the word.
                (Class::Joiner, Some(n)) => is_word(n) && continues(script, n) || n == Class::Mark,
                (Class::NumberSeparator, Some(n)) => n == Class::Digit,
                (Class::Apostrophe, Some(n)) => n == Class::Letter && script == Some(Class::Letter),
                _ => false,
            };
            if !joins {
                break;
            }
            end = bridge_end;
        }
        self.pos = end;
        let kind = match script {
            Some(Class::ArabicLetter) => TokenKind::Arabic,
            Some(_) => TokenKind::Other,
            None => TokenKind::Number,
        };
        Some(Token { text: &text[start..end], start, end, kind })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).map(|t| t.text).collect()
    }

    #[test]
    fn arabic_punctuation_separates() {
        assert_eq!(words("نعم، لا؛ لماذا؟ انتهى۔ «قال»"), ["نعم", "لا", "لماذا", "انتهى", "قال"]);
    }

    #[test]
    fn marks_and_tatweel_stay_in_words() {
        assert_eq!(words("كَتَبَ جـــميل"), ["كَتَبَ", "جـــميل"]);
        assert_eq!(words("ـــ"), Vec::<&str>::new(), "a lone tatweel is not a word");
    }

    #[test]
    fn zwnj_inside_persian_words_does_not_split() {
        assert_eq!(words("می\u{200C}خواهم \u{200C}کتاب\u{200C}"), ["می\u{200C}خواهم", "کتاب"]);
    }

    #[test]
    fn scripts_split_digits_join() {
        assert_eq!(words("بالCOVID mp3 ٢٠٢٤م G7"), ["بال", "COVID", "mp3", "٢٠٢٤م", "G7"]);
    }

    #[test]
    fn numbers_keep_their_separators() {
        let tokens: Vec<_> = tokenize("3.14 ١٬٠٠٠ ٣٫٥ 2, 3.").collect();
        let texts: Vec<_> = tokens.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["3.14", "١٬٠٠٠", "٣٫٥", "2", "3"]);
        assert!(tokens.iter().all(|t| t.kind == TokenKind::Number));
    }

    #[test]
    fn apostrophes_inside_latin_words() {
        assert_eq!(words("don't 'quoted' l’été"), ["don't", "quoted", "l’été"]);
    }

    #[test]
    fn offsets_slice_the_input() {
        let text = "\u{200F}مرحبا، world 42!";
        for token in tokenize(text) {
            assert_eq!(&text[token.start..token.end], token.text);
        }
        let kinds: Vec<_> = tokenize(text).map(|t| t.kind).collect();
        assert_eq!(kinds, [TokenKind::Arabic, TokenKind::Other, TokenKind::Number]);
    }

    #[test]
    fn marks_on_a_tatweel_stay_in_the_word() {
        // Quranic text seats hamza on a tatweel (شيـًٔا، يسـَٔلون).
        assert_eq!(words("شَيۡـًٔا يَسۡـَٔلُونَكَ كتـَ"), ["شَيۡـًٔا", "يَسۡـَٔلُونَكَ", "كتـَ"]);
    }

    #[test]
    fn symbols_that_normalize_to_letters_are_words() {
        // U+FDFC RIAL SIGN normalizes to ريال: a word before and after.
        assert_eq!(words("100 \u{FDFC}"), ["100", "\u{FDFC}"]);
    }

    #[test]
    fn decoding_from_bytes_agrees_with_classify() {
        for c in ('\0'..='\u{FFFF}').chain(['\u{10000}', '\u{1F600}', '\u{10FFFF}']) {
            let text = format!("{c}x");
            assert_eq!(char_at(&text, 0), Some((c.len_utf8(), classify(c))), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_pair_map_holds_the_letters_and_marks_of_the_arabic_block() {
        for lead in 0..=255u8 {
            for low in 0..=255u8 {
                let expected = [lead, low].utf8_chunks().next().is_some_and(|chunk| {
                    chunk.valid().chars().next().is_some_and(|c| {
                        c.len_utf8() == 2
                            && ('\u{0600}'..='\u{06FF}').contains(&c)
                            && matches!(classify(c), Class::ArabicLetter | Class::Mark)
                    })
                });
                assert_eq!(continues_arabic_word(lead, low), expected, "{lead:#x} {low:#x}");
            }
        }
    }

    /// The tokens `next_any` alone gives.
    fn general(text: &str) -> Vec<Token<'_>> {
        let mut tokens = tokenize(text);
        std::iter::from_fn(|| tokens.next_any()).collect()
    }

    #[test]
    fn the_fast_path_gives_the_general_tokens() {
        let texts = [
            "قال: «الرئيس» وصل في 3.5 ساعة، اليوم؟ نعم.",
            "كَتَبَ جـــميل الكتاب٢ الكتاب2 الكتابx x الكتاب ك١٢ ١٬٠٠٠",
            "می\u{200C}خواهم \u{200C}کتاب\u{200C} بال\u{0640}كتاب ال\u{061C}كتاب",
            "الكتاب'س الكتاب.٣ الكتاب٫٣ ٣٫الكتاب \u{064E}كتب كتب\u{064E}",
            "\u{FEFB}\u{FE8E} \u{FDFC} كتاب\u{FDFC} كتاب\u{200D}",
            "2015، 3. 4.5 7,8 2024م 12' 5٫5 5٬ 9\u{0640}ب 7\u{064E} 12«x» «٣» 8\u{00A0}9 7a 6.x",
            "،كتاب «كتاب» كتاب\u{00A0}كتاب\u{0640} \u{0640}كتاب \u{064E}\u{064E}كتب ٪كتب٪ ٫كتب٫",
            "شَيۡـًٔا يَسۡـَٔلُونَكَ كتـَ ب\u{0640}\u{0640}\u{064E}",
        ];
        for text in texts {
            assert_eq!(tokenize(text).collect::<Vec<_>>(), general(text), "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_fast_path_gives_the_general_tokens_on_any_text(
            text in "[ \\.,'0-9a-z:;!?()\"\n\u{0600}-\u{06FF}\u{00A0}-\u{00BF}\u{200C}\u{200D}\u{2019}\u{FDFC}]{0,24}"
        ) {
            proptest::prop_assert_eq!(tokenize(&text).collect::<Vec<_>>(), general(&text));
        }
    }

    #[test]
    fn presentation_forms_are_arabic_letters() {
        assert_eq!(tokenize("\u{FEFB}\u{FE8E}").next().unwrap().kind, TokenKind::Arabic);
    }
}
