//! The actor model on articles of our own (tests/fixtures/actors).

use super::*;
use crate::document::Language;

const SUMMIT: &str = include_str!("../../tests/fixtures/actors/summit.md");
const LAUNCH: &str = include_str!("../../tests/fixtures/actors/launch.md");

fn actors_of(text: &str) -> (Prose, Actors) {
    let prose = crate::prose::parse(text, Language::Markdown, &mut Default::default());
    let actors = recognise(&prose, &Settings::default(), &mut Default::default());
    (prose, actors)
}

/// The actor whose name is `name`.
fn find<'a>(actors: &'a Actors, name: &str) -> (usize, &'a Actor) {
    actors
        .actors
        .iter()
        .enumerate()
        .find(|(_, a)| a.name == name)
        .unwrap_or_else(|| {
            panic!(
                "no actor {name}: {:#?}",
                actors.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
            )
        })
}

fn role(actors: &Actors, name: &str) -> String {
    find(actors, name)
        .1
        .role
        .as_ref()
        .map(|r| r.text.clone())
        .unwrap_or_default()
}

/// An actor's references as written, with their forms.
fn references(prose: &Prose, actors: &Actors, name: &str) -> Vec<(String, Form)> {
    let (a, _) = find(actors, name);
    actors
        .mentions_of(a)
        .map(|m| (prose.slice(m.span).to_string(), m.form))
        .collect()
}

#[test]
fn titles_with_qualifiers_before_names() {
    let (_, actors) = actors_of(SUMMIT);
    assert_eq!(role(&actors, "Wang Yi"), "Chinese Foreign Minister");
    assert_eq!(
        role(&actors, "Sergei Shoigu"),
        "Russian Security Council Secretary"
    );
    assert_eq!(role(&actors, "Marco Rubio"), "U.S. Secretary of State");
    assert_eq!(
        role(&actors, "Hamdullah Mohib"),
        "Afghan Ambassador to the United States"
    );
    assert_eq!(role(&actors, "Xi Jinping"), "Chinese President");
}

#[test]
fn relations_make_two_actors_and_derive_roles() {
    let (_, actors) = actors_of(SUMMIT);
    // "President Donald Trump's special envoy Steve Witkoff": two people.
    assert_eq!(role(&actors, "Donald Trump"), "President");
    assert_eq!(
        role(&actors, "Steve Witkoff"),
        "special envoy of Donald Trump"
    );
    // "his Russian counterpart Sergei Lavrov": the Russian foreign minister.
    assert_eq!(
        role(&actors, "Sergei Lavrov"),
        "Russian foreign minister (counterpart of Wang Yi)"
    );
    let (wang, _) = find(&actors, "Wang Yi");
    let lavrov = find(&actors, "Sergei Lavrov").1;
    assert_eq!(lavrov.relations[0].other, wang);
    assert_eq!(lavrov.country, Some("Russia"));
    // "the US president's son-in-law": the description points to Trump.
    assert_eq!(role(&actors, "Jared Kushner"), "son-in-law of Donald Trump");
}

#[test]
fn appositives_give_roles() {
    let (_, actors) = actors_of(SUMMIT);
    assert_eq!(role(&actors, "Kaja Kallas"), "EU's foreign policy chief");
    let (_, actors) = actors_of(LAUNCH);
    assert_eq!(
        role(&actors, "Sergei Shoigu"),
        "secretary of Russia's Security Council"
    );
    assert_eq!(role(&actors, "John Glenn"), "astronaut");
    assert_eq!(
        role(&actors, "Kim Min-jun"),
        "researcher at the Korea Aerospace Research Institute"
    );
}

#[test]
fn later_references_link_by_surname_possessive_and_unique_description() {
    let (prose, actors) = actors_of(SUMMIT);
    assert_eq!(
        references(&prose, &actors, "Wang Yi"),
        vec![
            ("Wang".into(), Form::Family),
            ("Chinese Foreign Minister Wang Yi".into(), Form::Full),
            ("Wang".into(), Form::Family),
            ("Wang Yi".into(), Form::Full),
        ]
    );
    assert_eq!(
        references(&prose, &actors, "Xi Jinping"),
        vec![
            ("Chinese President Xi Jinping".into(), Form::Full),
            ("Xi".into(), Form::Family),
            ("Chinese leader".into(), Form::Description),
        ]
    );
    let (a, _) = find(&actors, "Wang Yi");
    let possessive = actors.mentions_of(a).filter(|m| m.possessive).count();
    assert_eq!(possessive, 1, "Wang Yi's visit");
    let (trump, _) = find(&actors, "Donald Trump");
    let forms: Vec<Form> = actors.mentions_of(trump).map(|m| m.form).collect();
    assert_eq!(
        forms,
        vec![Form::Full, Form::Description],
        "President Donald Trump's …; the US president's"
    );
}

#[test]
fn family_name_first_names_keep_the_family_name() {
    let (prose, actors) = actors_of(LAUNCH);
    assert_eq!(
        references(&prose, &actors, "Park Joo-ho"),
        vec![
            (
                "South Korean Science Minister Park Joo-ho".into(),
                Form::Full
            ),
            ("Park".into(), Form::Family),
        ]
    );
    assert_eq!(
        references(&prose, &actors, "Kim Min-jun"),
        vec![
            ("Kim Min-jun".into(), Form::Full),
            ("Kim".into(), Form::Family)
        ]
    );
}

#[test]
fn people_sharing_a_surname_are_never_merged() {
    let (prose, actors) = actors_of(LAUNCH);
    let (anna, _) = find(&actors, "Anna Berg");
    let (lars, _) = find(&actors, "Lars Berg");
    // "Berg, 52," comes before Lars Berg is named, so it can only be Anna.
    assert_eq!(references(&prose, &actors, "Anna Berg").len(), 2);
    assert_eq!(references(&prose, &actors, "Lars Berg").len(), 1);
    let unlinked: Vec<&Mention> = actors
        .mentions
        .iter()
        .filter(|m| matches!(m.target, Target::Ambiguous(_)))
        .collect();
    assert_eq!(unlinked.len(), 1);
    assert_eq!(prose.slice(unlinked[0].span), "Berg");
    assert_eq!(unlinked[0].target, Target::Ambiguous(vec![anna, lars]));
}

#[test]
fn organisations_agencies_and_governments_act() {
    let (_, actors) = actors_of(SUMMIT);
    let kind = |name: &str| find(&actors, name).1.kind;
    assert_eq!(kind("Reuters"), ActorKind::Organisation);
    assert_eq!(kind("BTA"), ActorKind::Organisation);
    assert_eq!(kind("AP"), ActorKind::Organisation);
    assert_eq!(kind("Chinese Foreign Ministry"), ActorKind::Government);
    assert_eq!(kind("Kremlin"), ActorKind::Government);
    assert_eq!(kind("White House"), ActorKind::Government);
    assert_eq!(kind("Beijing"), ActorKind::Government);
    // Moscow only hosts; it does not act.
    assert!(actors.actors.iter().all(|a| a.name != "Moscow"));
}

#[test]
fn an_organisation_inside_a_title_keeps_its_own_reference() {
    let text = "Kremlin spokesman Dmitry Peskov said the talks were useful.\n";
    let (prose, actors) = actors_of(text);
    let kremlin = actors.actor_at(text.find("Kremlin").unwrap());
    let peskov = actors.actor_at(text.find("spokesman").unwrap());
    assert_eq!(
        kremlin.map(|a| actors.actors[a].name.as_str()),
        Some("Kremlin")
    );
    assert_eq!(
        peskov.map(|a| actors.actors[a].name.as_str()),
        Some("Dmitry Peskov")
    );
    assert_eq!(role(&actors, "Dmitry Peskov"), "Kremlin spokesman");
    assert_eq!(
        references(&prose, &actors, "Dmitry Peskov"),
        vec![("spokesman Dmitry Peskov".into(), Form::Full)]
    );
}

#[test]
fn statements_tie_what_was_said_to_the_speaker() {
    let (prose, actors) = actors_of(SUMMIT);
    let said = |name: &str| -> Vec<String> {
        let (a, _) = find(&actors, name);
        actors
            .statements_of(a)
            .map(|s| format!("{}: {}", prose.slice(s.verb), prose.slice(s.content)))
            .collect()
    };
    assert_eq!(said("Wang Yi"), vec!["said: stand shoulder to shoulder"]);
    assert_eq!(
        said("Sergei Shoigu"),
        vec!["told: security cooperation would deepen"]
    );
    assert_eq!(
        said("Marco Rubio"),
        vec!["said: the administration was watching the meeting closely"]
    );
    assert_eq!(
        said("Kaja Kallas"),
        vec!["urged: both sides to respect international law"]
    );
    assert_eq!(
        said("Chinese Foreign Ministry"),
        vec!["said: Chinese Foreign Minister Wang Yi met his Russian counterpart Sergei Lavrov in Moscow on Monday"]
    );
    assert_eq!(
        said("AP"),
        vec!["according to: The Chinese leader calls Putin a close friend"]
    );
}

#[test]
fn the_api_finds_actors_by_offset_and_antecedents() {
    let (_, actors) = actors_of(SUMMIT);
    let at = SUMMIT.find("Lavrov called").unwrap();
    let lavrov = find(&actors, "Sergei Lavrov").0;
    assert_eq!(actors.actor_at(at + 2), Some(lavrov));
    let he = SUMMIT.find("his second").unwrap();
    let person = actors.last_before(he, &[ActorKind::Person]);
    assert_eq!(person, Some(find(&actors, "Wang Yi").0));
    assert_eq!(actors.line_of(at), 4);
}

#[test]
fn capitalised_words_at_sentence_starts_are_not_people() {
    let text = "Officials met on Monday. Yesterday Trump said little. Critics were quiet. Microsoft said it would not comment.\n";
    let (_, actors) = actors_of(text);
    let names: Vec<&str> = actors.actors.iter().map(|a| a.name.as_str()).collect();
    // "Trump said" may be read as a person's name; the openers never are.
    assert!(names.iter().all(|&n| n == "Trump"), "{names:?}");
}

#[test]
fn a_sentence_opener_before_a_known_surname_is_not_a_given_name() {
    let text =
        "President Donald Trump spoke on Monday. Clearly Trump was pleased with the crowd.\n";
    let (prose, actors) = actors_of(text);
    assert_eq!(actors.actors.len(), 1);
    assert_eq!(
        references(&prose, &actors, "Donald Trump"),
        vec![
            ("President Donald Trump".into(), Form::Full),
            ("Trump".into(), Form::Family)
        ]
    );
}

#[test]
fn a_doubtful_given_name_is_one_where_the_same_full_name_is_known() {
    // "Arlo" is no listed given name, and mid-sentence the tagger may
    // hesitate; the same full name opening a later sentence makes the person,
    // and the first reference is that person's full name, not "Fenwick".
    let text = "Fenwick had not spoken before. It could be Arlo Fenwick, who was famous.\n\nArlo Fenwick served for years.\n";
    let (prose, actors) = actors_of(text);
    assert_eq!(actors.actors.len(), 1);
    assert_eq!(
        references(&prose, &actors, "Arlo Fenwick"),
        vec![
            ("Fenwick".into(), Form::Family),
            ("Arlo Fenwick".into(), Form::Full),
            ("Arlo Fenwick".into(), Form::Full)
        ]
    );
}

#[test]
fn a_courtesy_title_before_a_given_name_and_a_place_word_is_a_person() {
    // "Hall" ends place names ("Constitution Hall"), but "Dame Ellen Hall"
    // is a given name after a courtesy title, as "Ellen Hall" is.
    let text = "The show was opened by Dame Ellen Hall, who chairs the trust.\n\nMs Hall said it went well.\n";
    let (prose, actors) = actors_of(text);
    assert_eq!(
        references(&prose, &actors, "Ellen Hall"),
        vec![
            ("Dame Ellen Hall".into(), Form::Full),
            ("Ms Hall".into(), Form::Family)
        ]
    );
}

#[test]
fn a_given_name_that_is_also_a_head_word_after_a_title_is_a_given_name() {
    // "Bill" ends the names of laws ("Finance Bill"), but after a title and
    // before a surname it is the chairman's given name.
    let text = "Chairman Bill Green opened the meeting.\n\nGreen said the budget would pass.\n";
    let (prose, actors) = actors_of(text);
    assert_eq!(
        references(&prose, &actors, "Bill Green"),
        vec![
            ("Chairman Bill Green".into(), Form::Full),
            ("Green".into(), Form::Family)
        ]
    );
}

#[test]
fn a_quoted_nickname_stays_inside_the_name() {
    let text =
        "Rep. Robert C. \"Bobby\" Scott hosted a cookout. Scott said the turnout was good.\n";
    let (prose, actors) = actors_of(text);
    assert_eq!(
        references(&prose, &actors, "Robert C. Scott"),
        vec![
            ("Rep. Robert C. \"Bobby\" Scott".into(), Form::Full),
            ("Scott".into(), Form::Family)
        ]
    );
}

#[test]
fn hover_text_describes_the_actor_in_this_article() {
    let (prose, actors) = actors_of(SUMMIT);
    let m = actors
        .mention_at(SUMMIT.find("Wang said").unwrap())
        .unwrap();
    let text = describe(&actors, m, &prose.text).unwrap();
    assert_eq!(
        text,
        "**Wang Yi** — Chinese Foreign Minister\n\n\
         Person · 4 references · first on line 3: “Chinese Foreign Minister Wang Yi”\n\n\
         Forms: Wang ×2, Wang Yi ×2\n\n\
         Relations: counterpart: Sergei Lavrov\n\n\
         Said:\n\
         - line 5, said: “stand shoulder to shoulder”"
    );
}

#[test]
fn a_people_file_adds_its_note() {
    let text = "[[person]]\nname = \"Wang Yi\"\ntitle = \"Foreign Minister\"\ndescription = \"China's top diplomat.\"\nas_of = \"2025-03-01\"\n";
    let people = crate::actors::people::parse(std::path::Path::new("people.toml"), text).unwrap();
    let settings = Settings {
        people_list: Some(std::sync::Arc::new(people)),
        ..Settings::default()
    };
    let prose = crate::prose::parse(SUMMIT, Language::Markdown, &mut Default::default());
    let actors = recognise(&prose, &settings, &mut Default::default());
    let (wang, _) = find(&actors, "Wang Yi");
    assert_eq!(actors.entry_of(wang).map(|e| e.line), Some(1));
    let m = actors.actors[wang].mentions[0];
    let text = describe(&actors, m, &prose.text).unwrap();
    assert!(
        text.ends_with("People file (as of 2025-03-01): Foreign Minister. China's top diplomat."),
        "{text}"
    );
}

#[test]
fn listed_groups_act_as_organisations() {
    let text = "Fighting spread after the Taliban seized the border post. Farmers said a Hezbollah unit had left.\n\nThe hacker collective Anonymous posted a video; a file signed \"Anonymous\" followed.\n";
    let (prose, actors) = actors_of(text);
    let (_, taliban) = find(&actors, "Taliban");
    assert_eq!(taliban.kind, ActorKind::Organisation);
    assert_eq!(role(&actors, "Taliban"), "Islamist movement");
    assert_eq!(role(&actors, "Hezbollah"), "Lebanese Shiite movement");
    assert_eq!(
        references(&prose, &actors, "Anonymous"),
        vec![
            ("Anonymous".into(), Form::Name),
            ("Anonymous".into(), Form::Name)
        ]
    );
}

#[test]
fn a_group_named_with_an_ordinary_word_needs_to_stand_as_a_name() {
    // The adjective at a sentence start, a headline, and the end of a longer
    // name are not the group.
    let text = "# Anonymous Gift Saves Library\n\nAnonymous callers warned the mayor. He has gone to Narcotics Anonymous since May.\n";
    let (_, actors) = actors_of(text);
    assert!(actors.actors.is_empty(), "{:?}", actors.actors);
}

#[test]
fn a_government_named_after_its_leader_is_an_actor_unless_the_leader_is_named() {
    let text = "Fees rose under the Ferrante government, and the Ferrante government said they were fair.\n\nPrime Minister Lena Holm met farmers. The Holm cabinet said it would listen.\n";
    let (prose, actors) = actors_of(text);
    let (_, ferrante) = find(&actors, "Ferrante government");
    assert_eq!(ferrante.kind, ActorKind::Government);
    assert_eq!(
        references(&prose, &actors, "Ferrante government"),
        vec![
            ("Ferrante government".into(), Form::Name),
            ("Ferrante government".into(), Form::Name)
        ]
    );
    let (ferrante, _) = find(&actors, "Ferrante government");
    assert_eq!(actors.statements_of(ferrante).count(), 1);
    // Holm is a person here: "Holm cabinet" is named for her, not a new
    // actor, and not one of her references.
    assert!(actors.actors.iter().all(|a| a.name != "Holm cabinet"));
    assert_eq!(
        references(&prose, &actors, "Lena Holm"),
        vec![("Prime Minister Lena Holm".into(), Form::Full)]
    );
    let (holm, _) = find(&actors, "Lena Holm");
    let cabinet = actors
        .mention_at(text.find("Holm cabinet").unwrap())
        .map(|m| actors.mentions[m].target.clone());
    assert_eq!(cabinet, Some(Target::NamedFor(holm)));
}

#[test]
fn a_person_a_place_is_named_after_is_a_name_but_the_place_is_not() {
    let text = "Buses ran to the Park Chung Hee Memorial and the Ingrid Lund Memorial Bridge on Sunday. Riders changed at Victoria Park Station.\n";
    let (prose, actors) = actors_of(text);
    assert_eq!(
        references(&prose, &actors, "Park Chung Hee"),
        vec![("Park Chung Hee".into(), Form::Full)]
    );
    assert_eq!(
        references(&prose, &actors, "Ingrid Lund"),
        vec![("Ingrid Lund".into(), Form::Full)]
    );
    // Two place words after a given name make a place, not a person.
    assert_eq!(actors.actors.len(), 2, "{:?}", actors.actors);
}

#[test]
fn characters_after_casting_words_are_people() {
    let text = "Ruth Ames gave the voice of Starling in the cartoon, and her brother played the Tinker. Starling returns next year.\n\nThe Rovers played Halton on Sunday and then played the Comets.\n";
    let (prose, actors) = actors_of(text);
    assert_eq!(
        references(&prose, &actors, "Starling"),
        vec![
            ("Starling".into(), Form::Family),
            ("Starling".into(), Form::Family)
        ]
    );
    assert_eq!(find(&actors, "Tinker").1.kind, ActorKind::Person);
    // Teams are played, not characters.
    let people: Vec<&str> = actors
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(people, ["Ruth Ames", "Starling", "Tinker"]);
}

#[test]
fn a_name_in_a_place_name_never_splits_a_surname_the_article_uses() {
    let text = "Mr. Costa spoke first. His wife, Lena Costa, opened the Ana Costa Memorial Bridge, and Mr. Costa cut the ribbon.\n";
    let (prose, actors) = actors_of(text);
    assert!(actors.actors.iter().all(|a| a.name != "Ana Costa"));
    assert_eq!(
        references(&prose, &actors, "Lena Costa"),
        vec![
            ("Mr. Costa".into(), Form::Family),
            ("Lena Costa".into(), Form::Full),
            ("Mr. Costa".into(), Form::Family)
        ]
    );
}

#[test]
fn titles_added_by_the_settings_are_offices_and_a_new_list_resets_the_memo() {
    let text = "Black Rod Sarah Castell said the doors would close.\n\nCastell knocked twice.\n";
    let prose = crate::prose::parse(text, Language::Markdown, &mut Default::default());
    let holds_the_title = |actors: &Actors| {
        actors.actors.iter().any(|a| {
            a.name == "Sarah Castell" && a.role.as_ref().is_some_and(|r| r.text == "Black Rod")
        })
    };
    let mut memo = Memo::default();
    let mut settings = Settings::default();
    assert!(!holds_the_title(&recognise(&prose, &settings, &mut memo)));
    settings.words.titles = vec!["black rod".into()];
    let added = recognise(&prose, &settings, &mut memo);
    assert!(holds_the_title(&added));
    assert_eq!(references(&prose, &added, "Sarah Castell")[1].0, "Castell");
    settings.words.titles.clear();
    assert!(!holds_the_title(&recognise(&prose, &settings, &mut memo)));
}
