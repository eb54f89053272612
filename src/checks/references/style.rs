//! House styles: the choices the reference rules read, in one place.

use crate::config::Style;

/// How a house writes a formal title in one position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleCase {
    Capital,
    Lower,
    /// The house allows both; no rule fires.
    Either,
}

#[derive(Debug, PartialEq, Eq)]
pub struct HouseStyle {
    /// The style's name, for messages.
    pub name: &'static str,
    /// A formal title directly before a name: "Foreign Minister Sergei Lavrov".
    pub before_name: TitleCase,
    /// A title set off by commas: "Sergei Lavrov, the foreign minister,".
    pub set_off: TitleCase,
    /// A title standing alone: "the president said".
    pub standing_alone: TitleCase,
    /// Later references use the surname ("Lavrov"), not the title again.
    pub surname_on_later_reference: bool,
    /// Every later reference takes a courtesy title ("Mr Lavrov"); without
    /// this, the house uses none.
    pub courtesy_titles: bool,
    /// A courtesy title is abbreviated with a period ("Mr." in American
    /// copy, "Mr" in British).
    pub courtesy_period: bool,
}

/// The Associated Press: formal titles capitalised directly before a name,
/// lowercase elsewhere; the surname alone on later reference; no courtesy
/// titles.
pub static AP: HouseStyle = HouseStyle {
    name: "AP",
    before_name: TitleCase::Capital,
    set_off: TitleCase::Lower,
    standing_alone: TitleCase::Lower,
    surname_on_later_reference: true,
    courtesy_titles: false,
    courtesy_period: true,
};

/// British papers: most titles lowercase ("the prime minister, Keir
/// Starmer"); houses differ on titles before a name and standing alone ("the
/// Queen"), so those are left alone; a courtesy title on every later
/// reference ("Mr Starmer").
pub static UK: HouseStyle = HouseStyle {
    name: "UK",
    before_name: TitleCase::Either,
    set_off: TitleCase::Lower,
    standing_alone: TitleCase::Either,
    surname_on_later_reference: true,
    courtesy_titles: true,
    courtesy_period: false,
};

/// The New York Times: titles as in AP; a courtesy title on every later
/// reference ("Mr. Lavrov").
pub static NYT: HouseStyle = HouseStyle {
    name: "NYT",
    before_name: TitleCase::Capital,
    set_off: TitleCase::Lower,
    standing_alone: TitleCase::Lower,
    surname_on_later_reference: true,
    courtesy_titles: true,
    courtesy_period: true,
};

impl HouseStyle {
    pub fn of(style: Style) -> &'static HouseStyle {
        match style {
            Style::Ap => &AP,
            Style::Uk => &UK,
            Style::Nyt => &NYT,
        }
    }
}
