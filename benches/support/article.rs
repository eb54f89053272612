//! Generated news articles of a chosen length, for benchmarks. Every paragraph
//! differs (names, places, numbers), so no block cache hit is free.

const FIRST: [&str; 12] = [
    "Anna", "Jonas", "Mei", "Tomas", "Leila", "Pavel", "Ines", "Kenji", "Sara", "Marek", "Olga",
    "Rafael",
];
const SYLLABLES: [&str; 16] = [
    "ka", "lo", "ven", "ris", "ta", "mor", "sel", "dun", "ar", "pe", "ko", "lin", "ba", "tor",
    "ne", "vic",
];
const NATIONS: [&str; 8] = [
    "Estonian", "Finnish", "Polish", "Chilean", "Kenyan", "Japanese", "Canadian", "Danish",
];
const TITLES: [&str; 6] = [
    "Foreign Minister",
    "Defence Minister",
    "Prime Minister",
    "Trade Minister",
    "Ambassador",
    "President",
];
const CITIES: [&str; 8] = [
    "Tallinn", "Helsinki", "Warsaw", "Santiago", "Nairobi", "Osaka", "Ottawa", "Aarhus",
];

struct Gen(u64);

impl Gen {
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        list[(self.0 >> 33) as usize % list.len()]
    }

    fn surname(&mut self) -> String {
        let mut name = String::new();
        for _ in 0..3 {
            name.push_str(self.pick(&SYLLABLES));
        }
        let mut chars = name.chars();
        let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or('X');
        std::iter::once(first).chain(chars).collect()
    }
}

/// A Markdown article of about `words` words.
pub fn article(words: usize) -> String {
    article_seeded(words, words as u64)
}

/// Another article of about `words` words for each seed.
pub fn article_seeded(words: usize, seed: u64) -> String {
    let mut g = Gen(seed);
    let mut out = String::from("# Ministers meet on trade and security\n\n");
    let mut count = 7;
    let mut n = 0u32;
    while count < words {
        n += 1;
        let (a_first, a_last) = (g.pick(&FIRST), g.surname());
        let (b_first, b_last) = (g.pick(&FIRST), g.surname());
        let (nation, other, title, city) = (
            g.pick(&NATIONS),
            g.pick(&NATIONS),
            g.pick(&TITLES),
            g.pick(&CITIES),
        );
        let paragraph = format!(
            "{nation} {title} {a_first} {a_last} met his {other} counterpart {b_first} {b_last} in {city} on Tuesday, the ministry said in a statement. The talks covered {n} trade routes and a new port.\n\n\
             \"We agreed to keep talking about route {n},\" {a_last} told reporters after the meeting. \"Nobody wants a trade war.\"\n\n\
             {b_last} said {city} would send a delegation next month. Critics say the plan does little for farmers, and {b_first} {b_last} is expected to face questions in parliament.\n\n"
        );
        count += paragraph.split_whitespace().count();
        out.push_str(&paragraph);
    }
    out
}
