//! Title rules: `title-mismatch` (a title that disagrees with the first
//! reference or the people file) and `repeated-title` (a person introduced
//! again, title and full name, soon after the introduction).

use super::courtesy::later_forms;
use super::layout::Layout;
use super::names::before_introduction;
use super::offices::{self, Agreement};
use super::style::HouseStyle;
use super::{
    checked, in_past, is_name, later_name, layout, line, people, roles, surname_counts, text_of,
};
use crate::actors::lexicon::LEXICON;
use crate::actors::{Actor, Form, Mention, Title};
use crate::checks::{Context, Edit, Finding, RelatedLocation, Rule, RuleInfo, Severity};
use crate::span::Span;

static TITLE_MISMATCH: RuleInfo = RuleInfo {
    code: "title-mismatch",
    default_severity: Severity::Warning,
    summary: "A person given another office than on first reference or in the people file, or one role described as a man's and a woman's (\"spokesman\", \"spokeswoman\").",
    doc: include_str!("../../../docs/rules/title-mismatch.md"),
};

static REPEATED_TITLE: RuleInfo = RuleInfo {
    code: "repeated-title",
    default_severity: Severity::Hint,
    summary: "A person introduced again, title and full name, soon after the introduction.",
    doc: include_str!("../../../docs/rules/repeated-title.md"),
};

/// A person named again in full within this many paragraphs of the last
/// reference to them, in the same section, is introduced twice; after a
/// longer absence, introducing them again helps the reader.
const REINTRODUCTION_BLOCKS: usize = 6;

/// How a later title compares with the first reference's: the office
/// words, and the country the title names. The same office words with the
/// country left out ("Foreign Minister" after "Chinese Foreign Minister")
/// name the same office.
fn compare(ctx: &Context<'_>, first: &Title, later: &Title) -> Agreement {
    let words = |t: &Title| text_of(ctx, t.span).to_lowercase();
    if words(first) == words(later) {
        return Agreement::Same;
    }
    let countries_differ = matches!((first.country, later.country), (Some(a), Some(b)) if a != b);
    match offices::relate(&first.office_key, &later.office_key) {
        _ if countries_differ => Agreement::OtherOffice,
        agreement => agreement,
    }
}

/// A title the rules compare: a formal title or a role listed with its forms
/// ("spokeswoman"), of the present, naming no relation ("his counterpart";
/// but "Deputy City Manager" is an office, its relation word a rank).
fn comparable(ctx: &Context<'_>, t: &Title) -> bool {
    let listed = || offices::is_listed(&t.office_key);
    let quoted = ctx.prose.slice(t.span).contains(['"', '“', '”', '‘'])
        || ctx.prose.slice(t.span).contains("''");
    let relation = t
        .relation
        .is_some_and(|r| t.office_key.rsplit(' ').next() == Some(r) || t.office_key.is_empty());
    !t.office_key.is_empty()
        && !relation
        && !quoted
        && !hypothetical(ctx, t)
        && (t.formal || listed())
        && !in_past(ctx, t)
}

/// "a President Trump": an office someone may hold, not one they hold.
fn hypothetical(ctx: &Context<'_>, t: &Title) -> bool {
    if !t.article {
        return false;
    }
    let before = ctx.prose.text[..t.span.start].trim_end();
    let last = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    last.eq_ignore_ascii_case("a") || last.eq_ignore_ascii_case("an")
}

/// A mention's title the rules compare: the one before the name, else its
/// appositive.
fn title_of<'m>(ctx: &Context<'_>, m: &'m Mention) -> Option<&'m Title> {
    m.title
        .as_deref()
        .filter(|t| comparable(ctx, t))
        .or(m.appositive.as_deref().filter(|t| comparable(ctx, t)))
}

/// A person's references that carry a title to compare, in order, but for
/// a surname before the introduction ("Mayor Okafor", then "Mayor Grace
/// Okafor"): that is `late-introduction`'s one error, and its fix moves the
/// introduction there, so the introduction is no repeat of it. Both title
/// rules compare them; they are worked out once per analysis for both.
fn compared<'a>(
    ctx: &'a Context<'_>,
    layout: &Layout,
    a: usize,
    actor: &Actor,
) -> Vec<(&'a Mention, &'a Title)> {
    let known = ctx
        .shared
        .get_or_insert_with(|| Compared(vec![std::cell::OnceCell::new(); ctx.actors.actors.len()]));
    let work_out = || {
        let early = before_introduction(ctx, layout, a, actor);
        titled(ctx, layout, a)
            .filter(|&(_, m, _)| !early.is_some_and(|e| std::ptr::eq(e, m)))
            .map(|(i, m, t)| {
                (
                    i,
                    m.appositive
                        .as_deref()
                        .is_some_and(|ap| std::ptr::eq(ap, t)),
                )
            })
            .collect()
    };
    let fresh;
    let indices: &[(usize, bool)] = match known.0.get(a) {
        Some(cell) => cell.get_or_init(work_out),
        None => {
            fresh = work_out();
            &fresh
        }
    };
    let mentions = &ctx.actors.mentions;
    indices
        .iter()
        .filter_map(|&(i, appositive)| {
            let m = mentions.get(i)?;
            let t = if appositive { &m.appositive } else { &m.title };
            Some((m, t.as_deref()?))
        })
        .collect()
}

/// [`compared`]'s answers for each actor: each reference's index, and
/// whether its title is the appositive.
struct Compared(Vec<std::cell::OnceCell<Vec<(usize, bool)>>>);

/// A person's references that carry a title to compare, in order. A given
/// name whose name runs on past it ("Mayor Bill de Blasio", "Vice President
/// George H.W. Bush") names someone the model did not read in full, linked
/// to the person by the given name only, which others share: the rules do
/// not compare offices across that link.
fn titled<'a>(
    ctx: &'a Context<'_>,
    layout: &'a Layout,
    actor: usize,
) -> impl Iterator<Item = (usize, &'a Mention, &'a Title)> + 'a {
    checked(ctx, layout, actor)
        .filter(|(_, m)| is_name(m) && !(m.form == Form::Given && name_runs_on(ctx, m)))
        .filter_map(|(i, m)| title_of(ctx, m).map(|t| (i, m, t)))
}

/// Whether the name at `m` goes on past the mention: initials or a
/// capitalised word after it, after any particles ("de", "van der").
fn name_runs_on(ctx: &Context<'_>, m: &Mention) -> bool {
    let Some(rest) = ctx.prose.text[m.name.end..].strip_prefix(' ') else {
        return false;
    };
    let mut words = rest.split(' ').skip_while(|w| NAME_PARTICLES.contains(w));
    words
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// Lowercase words inside surnames: "de Blasio", "van der Berg".
const NAME_PARTICLES: [&str; 14] = [
    "de", "del", "della", "der", "den", "di", "da", "dos", "du", "la", "le", "van", "von", "bin",
];

/// A title directly before its name: one the rules may rewrite in place.
fn before_name(t: &Title) -> bool {
    !t.after_name && !t.set_off
}

/// Whether a full reference at `m` introduces the person again while the
/// reader still knows them: the last reference before it is near and in the
/// same section.
fn reintroduced_soon(ctx: &Context<'_>, layout: &Layout, actor: usize, m: &Mention) -> bool {
    let previous = checked(ctx, layout, actor)
        .map(|(_, r)| r)
        .take_while(|r| r.span.start < m.span.start)
        .last();
    previous.is_some_and(|p| {
        let block = |o: usize| ctx.prose.block_at(o).unwrap_or(0);
        layout.section(p.span.start) == layout.section(m.span.start)
            && block(m.span.start) - block(p.span.start) <= REINTRODUCTION_BLOCKS
    })
}

pub struct TitleMismatch;

impl Rule for TitleMismatch {
    fn info(&self) -> &'static RuleInfo {
        &TITLE_MISMATCH
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let style = HouseStyle::of(ctx.settings.style);
        let layout = layout(ctx);
        for (a, actor) in people(ctx.actors) {
            let titled = compared(ctx, &layout, a, actor);
            let Some(&(first_m, first)) = titled.first() else {
                continue;
            };
            people_file(ctx, a, actor, first, out);
            for &(m, title) in &titled[1..] {
                let agreement = compare(ctx, first, title);
                let sex_named = |t: &Title| offices::sex_of(&t.office_key).is_some();
                // A chair of a committee or board holds that role beside an
                // office ("Sen. Bob Corker", "Committee Chairman Bob Corker").
                let chair = |t: &Title| offices::is_chair(&t.office_key);
                let flagged = match agreement {
                    Agreement::Same => false,
                    Agreement::OtherOffice if chair(first) != chair(title) => false,
                    Agreement::OtherForm => {
                        sex_named(first) != sex_named(title)
                            || m.form == Form::Full && reintroduced_soon(ctx, &layout, a, m)
                    }
                    Agreement::OtherSex | Agreement::OtherOffice => true,
                };
                if flagged {
                    let forms = later_forms(ctx, &layout, style, a, actor);
                    out.push(mismatch(
                        ctx,
                        style,
                        actor,
                        (m, title),
                        (first_m, first),
                        agreement,
                        &forms,
                    ));
                }
                if let Some((later, earlier, agreement)) = appositives_differ(ctx, first_m, m) {
                    out.push(mismatch(
                        ctx,
                        style,
                        actor,
                        (m, later),
                        (first_m, earlier),
                        agreement,
                        &[],
                    ));
                }
            }
        }
        roles::unnamed(ctx, &layout, &TITLE_MISMATCH, out);
    }
}

/// A later reference with a title before the name and an appositive
/// ("Speaker Pelosi, the home secretary") whose appositive names another
/// office than the first reference's appositive ("Speaker Nancy Pelosi, the
/// health secretary"), and than its title before the name: the comparison
/// of the titles before the names does not see it. Returns the two
/// appositives and how they relate.
fn appositives_differ<'m>(
    ctx: &Context<'_>,
    first_m: &'m Mention,
    m: &'m Mention,
) -> Option<(&'m Title, &'m Title, Agreement)> {
    let comparable_in = |t: &'m Option<Box<Title>>| t.as_deref().filter(|t| comparable(ctx, t));
    // Only where the title before the name is what the rule compared.
    comparable_in(&m.title)?;
    let later = comparable_in(&m.appositive)?;
    let earlier = comparable_in(&first_m.appositive)?;
    let differs = |t: &Title| {
        matches!(
            compare(ctx, t, later),
            Agreement::OtherOffice | Agreement::OtherSex
        ) && offices::is_chair(&t.office_key) == offices::is_chair(&later.office_key)
    };
    let agreement = compare(ctx, earlier, later);
    (differs(earlier) && comparable_in(&first_m.title).is_none_or(differs))
        .then_some((later, earlier, agreement))
}

fn mismatch(
    ctx: &Context<'_>,
    style: &HouseStyle,
    actor: &Actor,
    (m, title): (&Mention, &Title),
    (first_m, first): (&Mention, &Title),
    agreement: Agreement,
    later_forms: &[String],
) -> Finding {
    let first_text = text_of(ctx, first.span);
    let here = text_of(ctx, title.span);
    let why = match agreement {
        Agreement::OtherOffice => "another office",
        Agreement::OtherSex => "the same role, for someone of the other sex",
        _ => "the same office written another way",
    };
    let message = format!(
        "{} is '{first_text}' on first reference (line {}) but '{here}' here: {why}",
        actor.name,
        line(ctx, first.span.start)
    );
    let severity = match agreement {
        Agreement::OtherForm => Severity::Information,
        _ => Severity::Warning,
    };
    let mut finding = Finding::new(&TITLE_MISMATCH, title.span, message)
        .with_severity(severity)
        .with_related(
            RelatedLocation::Here(first.span),
            format!("first reference: '{first_text}'"),
        );
    if before_name(title) {
        // The form the style wants on a later reference, in one step.
        for form in later_forms {
            finding = finding.with_fix(
                format!("Use '{form}'"),
                vec![Edit {
                    span: m.span,
                    replacement: form.clone(),
                }],
            );
        }
        if let (true, Some(surname)) = (before_name(first), later_name(actor)) {
            let office = text_of(ctx, first.span);
            let replacement = format!("{office} {surname}");
            if replacement != text_of(ctx, first_m.span) {
                finding = finding.with_fix(
                    format!("Use the first reference's title: '{replacement}'"),
                    vec![Edit {
                        span: m.span,
                        replacement,
                    }],
                );
            }
        }
    } else {
        // An appositive: the first reference's title, in the style's case
        // for a title set off by commas.
        let replacement = in_case(ctx, first, style.set_off == super::TitleCase::Lower);
        finding = finding.with_fix(
            format!("Use the first reference's title: '{replacement}'"),
            vec![Edit {
                span: title.span,
                replacement,
            }],
        );
    }
    finding
}

/// The people file's title, where the first reference gives another office.
fn people_file(ctx: &Context<'_>, a: usize, actor: &Actor, first: &Title, out: &mut Vec<Finding>) {
    let (Some(entry), Some(people)) = (ctx.actors.entry_of(a), ctx.actors.people.as_ref()) else {
        return;
    };
    let Some(expected) = &entry.title else { return };
    let key = LEXICON.office_key_of(expected);
    if key.is_empty() || offices::relate(&key, &first.office_key) != Agreement::OtherOffice {
        return;
    }
    let here = text_of(ctx, first.span);
    let date = entry
        .as_of
        .as_ref()
        .map(|d| format!(" (as of {d})"))
        .unwrap_or_default();
    let mut finding = Finding::new(
        &TITLE_MISMATCH,
        first.span,
        format!(
            "{} is '{expected}' in the people file{date} but '{here}' here",
            actor.name
        ),
    )
    .with_related(
        RelatedLocation::File {
            path: people.path.clone(),
            line: entry.line,
        },
        format!("people file: '{expected}'"),
    );
    if before_name(first) {
        finding = finding.with_fix(
            format!("Use the people file's title: '{expected}'"),
            vec![Edit {
                span: first.span,
                replacement: expected.clone(),
            }],
        );
    }
    out.push(finding);
}

pub struct RepeatedTitle;

impl Rule for RepeatedTitle {
    fn info(&self) -> &'static RuleInfo {
        &REPEATED_TITLE
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let style = HouseStyle::of(ctx.settings.style);
        if !style.surname_on_later_reference {
            return;
        }
        let layout = layout(ctx);
        let counts = surname_counts(ctx.actors);
        for (a, actor) in people(ctx.actors) {
            let titled = compared(ctx, &layout, a, actor);
            let Some(&(first_m, first)) = titled.first() else {
                continue;
            };
            let Some(surname) = later_name(actor) else {
                continue;
            };
            if counts.get(surname).copied().unwrap_or(0) > 1 {
                continue;
            }
            let forms = later_forms(ctx, &layout, style, a, actor);
            for &(m, title) in &titled[1..] {
                let repeated = before_name(title)
                    && m.form == Form::Full
                    && compare(ctx, first, title) == Agreement::Same
                    && reintroduced_soon(ctx, &layout, a, m);
                if repeated {
                    out.push(repeated_title(ctx, actor, m, first_m, &forms));
                }
            }
        }
    }
}

fn repeated_title(
    ctx: &Context<'_>,
    actor: &Actor,
    m: &Mention,
    first_m: &Mention,
    forms: &[String],
) -> Finding {
    // "Keir Starmer, the prime minister": a title after the name is part
    // of the introduction the reader met.
    let introduced = match (&first_m.title, &first_m.appositive) {
        (None, Some(after)) if after.span.start >= first_m.span.end => {
            text_of(ctx, Span::new(first_m.span.start, after.span.end))
        }
        _ => text_of(ctx, first_m.span),
    };
    let wanted = forms
        .iter()
        .map(|f| format!("'{f}'"))
        .collect::<Vec<_>>()
        .join(" or ");
    let mut finding = Finding::new(
        &REPEATED_TITLE,
        m.span,
        format!(
            "{} was introduced as '{introduced}' (line {}); later references use {wanted}",
            actor.name,
            line(ctx, first_m.span.start)
        ),
    )
    .with_related(
        RelatedLocation::Here(first_m.span),
        "first reference".to_string(),
    );
    for form in forms {
        finding = finding.with_fix(
            format!("Use '{form}'"),
            vec![Edit {
                span: m.span,
                replacement: form.clone(),
            }],
        );
    }
    finding
}

/// A title's text with its office words lowercased (or left as written).
fn in_case(ctx: &Context<'_>, t: &Title, lower: bool) -> String {
    let mut out = String::new();
    let mut at = t.span.start;
    for w in t.case_words.iter().filter(|w| lower && t.span.covers(**w)) {
        out.push_str(ctx.prose.slice(Span::new(at, w.start)));
        out.push_str(&ctx.prose.slice(*w).to_lowercase());
        at = w.end;
    }
    out.push_str(ctx.prose.slice(Span::new(at, t.span.end)));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The span of a title with the abbreviation period after it, if any
/// ("Gov" and its "."), for messages that quote it.
pub(super) fn with_period(ctx: &Context<'_>, span: Span) -> Span {
    if ctx.prose.text[span.end..].starts_with('.') {
        Span::new(span.start, span.end + 1)
    } else {
        span
    }
}
