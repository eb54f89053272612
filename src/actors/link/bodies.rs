//! Organisations and governments: one actor per name.

use super::*;

impl Linker<'_> {
    /// Organisations and governments, one actor per name.
    pub(super) fn bodies(&mut self, found: &Found, mentions: &mut Vec<Mention>) {
        let mut by_key: HashMap<&str, usize> = HashMap::new();
        let mut name_starts: FastSet<usize> = mentions.iter().map(|m| m.name.start).collect();
        for body in &found.bodies {
            // "the Monti government" where Monti is a person here: the
            // person's reference.
            let led_by_person =
                body.source == BodySource::Led && name_starts.contains(&body.span.start);
            if led_by_person {
                continue;
            }
            let (form, actor) = if let Some(person) = self.surname_before(body) {
                (Form::Family, person)
            } else {
                let actor = match by_key.get(body.key.as_str()) {
                    Some(&a) => a,
                    None if body.heading => continue,
                    None => {
                        let role = match (body.source, body.country) {
                            (BodySource::Agency, _) => Some("news organisation".to_string()),
                            (BodySource::Group(what), _) => Some(what.to_string()),
                            (BodySource::International, _) => {
                                Some("international organisation".to_string())
                            }
                            (BodySource::Institution | BodySource::Place, Some(country)) => {
                                Some(format!("stands for the {} government", demonym(country)))
                            }
                            _ => None,
                        };
                        self.actors.push(Actor {
                            kind: body.kind,
                            name: body.key.clone(),
                            person: None,
                            role: role.map(|text| Role {
                                text,
                                mention: None,
                                derived: true,
                            }),
                            offices: Vec::new(),
                            country: body.country,
                            mentions: Vec::new(),
                            relations: Vec::new(),
                            confidence: Confidence::Certain,
                            entry: None,
                        });
                        self.introduced.push(body.span.start);
                        self.strong.push(true);
                        by_key.insert(&body.key, self.actors.len() - 1);
                        self.actors.len() - 1
                    }
                };
                name_starts.insert(body.span.start);
                (Form::Name, actor)
            };
            mentions.push(Mention {
                span: body.span,
                name: body.span,
                form,
                target: Target::Actor(actor),
                title: None,
                appositive: None,
                courtesy: None,
                possessive: body.possessive,
                in_quote: body.in_quote,
                heading: body.heading,
                caption: body.caption,
                reach: body.span.end,
            });
        }
    }

    /// "Jordan said" after "Tom Jordan": a country that acts is the one
    /// person named before it with that surname, not its government.
    fn surname_before(&self, body: &RawBody) -> Option<usize> {
        if body.source != BodySource::Place {
            return None;
        }
        match self
            .by_family
            .get(lookup_key(&body.key).as_ref())?
            .as_slice()
        {
            [a] if self.introduced[*a] < body.span.start => Some(*a),
            _ => None,
        }
    }
}
