fn main() {
    let config = sarf::NormalizerConfig {
        unicode: sarf::UnicodeForm::Nfkc,
        ..sarf::NormalizerConfig::none()
    };
    let config = sarf::NormalizerConfig {
        diacritics: sarf::Diacritics::Strip,
        alef: true,
        superscript_alef: sarf::SuperscriptAlef::Strip,
        zwnj: sarf::Zwnj::Strip,
        ..config
    };
    let n = sarf::Normalizer::new(config);
    let input = "\u{FEF5}\u{0653}\u{0675}";
    let t = n.trace(input);
    println!("{:?} {} -> {}", t.output(), input.len(), t.output().len());
    for c in t.changes() {
        println!("{:?}", c);
    }
    println!("{:?}", t.offsets());
}
