//! What each actor is in this article: the offices its titles name (for
//! linking descriptions such as "the US president"), the relations a
//! possessor states ("his Russian counterpart"), and the role the hover shows.

use super::*;

impl Linker<'_> {
    pub(super) fn add_office(&mut self, actor: usize, title: &Title) {
        if title.office_key.is_empty() || !title.formal {
            return;
        }
        let office = Office {
            key: title.office_key.clone(),
            country: title.country,
            leader: title.leader,
        };
        let a = &mut self.actors[actor];
        if a.country.is_none() {
            a.country = title.country;
        }
        if !a.offices.contains(&office) {
            a.offices.push(office);
        }
    }

    /// Indexes the people holding each office, for descriptions.
    pub(super) fn index_offices(&mut self) {
        self.holders.clear();
        self.leaders.clear();
        for (a, actor) in self.actors.iter().enumerate() {
            if actor.kind != ActorKind::Person {
                continue;
            }
            for o in &actor.offices {
                // Actors come in order: `a` is last in a list if it is there.
                let list = self.holders.entry(o.key.clone()).or_default();
                if list.last() != Some(&a) {
                    list.push(a);
                }
                if o.leader && self.leaders.last() != Some(&a) {
                    self.leaders.push(a);
                }
            }
        }
    }

    /// The one person holding the office a description names, if exactly one
    /// does. A holder whose country is not given fits a description that
    /// names one only when no holder's country matches.
    /// [`Linker::unique_office_holder`] of each description, asked once per
    /// office and country however many descriptions name them.
    pub(super) fn office_holders(&self, descriptions: &[RawDescription]) -> Vec<Option<usize>> {
        let mut asked: FastMap<(&str, Option<&str>), Option<usize>> = FastMap::default();
        descriptions
            .iter()
            .map(|d| {
                let key = (d.title.office_key.as_str(), d.title.country);
                *asked
                    .entry(key)
                    .or_insert_with(|| self.unique_office_holder(d))
            })
            .collect()
    }

    pub(super) fn unique_office_holder(&self, d: &RawDescription) -> Option<usize> {
        let key = d.title.office_key.as_str();
        let office_fits = |o: &Office| o.key == key || key == "leader" && o.leader;
        let candidates: &[usize] = if key == "leader" {
            &self.leaders
        } else {
            self.holders.get(key).map_or(&[], Vec::as_slice)
        };
        let holding = |a: usize, country_fits: &dyn Fn(&Office) -> bool| {
            self.actors[a]
                .offices
                .iter()
                .any(|o| office_fits(o) && country_fits(o))
        };
        let unique = |country_fits: &dyn Fn(&Office) -> bool| {
            let mut holders = candidates
                .iter()
                .copied()
                .filter(|&a| holding(a, country_fits));
            let first = holders.next()?;
            holders.next().is_none().then_some(first)
        };
        let strict = |o: &Office| d.title.country.is_none() || o.country == d.title.country;
        if candidates.iter().any(|&a| holding(a, &strict)) {
            unique(&strict)
        } else {
            unique(&|o: &Office| o.country.is_none())
        }
    }

    /// Relations stated by a possessor before a name: "his Russian counterpart
    /// Sergei Lavrov", "Trump's special envoy Steve Witkoff".
    pub(super) fn relations(
        &mut self,
        found: &Found,
        mentions: &[Mention],
        name_mention: &[Option<usize>],
        description_targets: &[Option<usize>],
    ) {
        // For each count of mentions, the last two people they name: "his"
        // points to the last person named who is not the title's holder.
        let mut last_two: Vec<(Option<usize>, Option<usize>)> = Vec::with_capacity(mentions.len());
        let (mut last, mut before) = (None, None);
        for m in mentions {
            let person = m
                .actor()
                .filter(|&a| self.actors[a].kind == ActorKind::Person);
            if let Some(a) = person.filter(|&a| last != Some(a)) {
                before = last;
                last = Some(a);
            }
            last_two.push((last, before));
        }
        for (i, raw) in found.names.iter().enumerate() {
            let (Some(Target::Actor(actor)), Some(title), Some(possessor)) =
                (&self.targets[i], &raw.title, &raw.possessor)
            else {
                continue;
            };
            let actor = *actor;
            let other = match possessor {
                Possessor::Name(n) => match &self.targets[*n] {
                    Some(Target::Actor(a)) => Some(*a),
                    _ => None,
                },
                Possessor::Description(d) => description_targets[*d],
                Possessor::Pronoun(span) => {
                    let end = mentions.partition_point(|m| m.span.start < span.start);
                    end.checked_sub(1).and_then(|e| match last_two[e] {
                        (Some(a), _) if a != actor => Some(a),
                        (_, b) => b,
                    })
                }
            };
            let Some(other) = other.filter(|&o| o != actor) else {
                continue;
            };
            let label = title
                .relation
                .map(str::to_string)
                .unwrap_or_else(|| collapse(self.prose.slice(title.span)));
            let at = name_mention[i].map_or(raw.name.start, |m| mentions[m].span.start);
            // "his Russian counterpart": the same office as the other's, in
            // the country the title names.
            let office = (title.relation == Some("counterpart"))
                .then(|| self.actors[other].offices.first().cloned())
                .flatten()
                .map(|office| Office {
                    country: title.country.or(office.country),
                    ..office
                });
            if let Some(office) = &office {
                if self.actors[actor].country.is_none() {
                    self.actors[actor].country = office.country;
                }
                if !self.actors[actor].offices.contains(office) {
                    self.actors[actor].offices.push(office.clone());
                }
            }
            self.actors[actor].relations.push(Relation {
                label: label.clone(),
                other,
                mention: at,
                inverse: false,
                office: office.clone(),
            });
            self.actors[other].relations.push(Relation {
                label,
                other: actor,
                mention: at,
                inverse: true,
                office: None,
            });
        }
    }
}

/// Each actor's role, from its first reference with a title or appositive:
/// the title as written, or a role derived from the relation it states ("his
/// Russian counterpart" -> "Russian foreign minister"); failing that, the
/// people file's title.
pub(super) fn roles(
    actors: &mut [Actor],
    mentions: &[Mention],
    prose: &Prose,
    people: Option<&People>,
) {
    let names: Vec<String> = actors.iter().map(|a| a.name.clone()).collect();
    for actor in actors.iter_mut() {
        if actor.kind != ActorKind::Person {
            continue;
        }
        let first_titled = actor.mentions.iter().copied().find_map(|m| {
            let mention = &mentions[m];
            if mention.form == Form::Description {
                return None;
            }
            mention
                .title
                .as_ref()
                .or(mention.appositive.as_ref())
                .map(|t| (m, t))
        });
        let role = match first_titled {
            Some((m, title)) => {
                let relation = actor
                    .relations
                    .iter()
                    .find(|r| !r.inverse && r.mention == m);
                let text = match relation {
                    Some(r) => {
                        let office = r.office.as_ref().map(|o| match o.country {
                            Some(c) => format!("{} {}", demonym(c), o.key),
                            None => o.key.clone(),
                        });
                        match office {
                            Some(office) => format!("{office} ({} of {})", r.label, names[r.other]),
                            None => format!("{} of {}", r.label, names[r.other]),
                        }
                    }
                    None => collapse(prose.slice(title.span)),
                };
                Some(Role {
                    text,
                    mention: Some(m),
                    derived: relation.is_some(),
                })
            }
            None => actor
                .entry
                .and_then(|e| people.and_then(|p| p.entries.get(e)))
                .and_then(|e| e.title.clone())
                .map(|text| Role {
                    text,
                    mention: None,
                    derived: false,
                }),
        };
        if role.is_some() {
            actor.role = role;
        }
    }
}

pub(super) fn demonym(country: &str) -> &str {
    LEXICON.nationality_of(country).unwrap_or(country)
}
