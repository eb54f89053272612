//! The people file the settings name, read from disk for the analysis.
//!
//! The server and the CLI call [`attach`] before they analyse; the analysis
//! itself reads no files. The file is read again only when its modification
//! time or size changes, and only if it is a regular file of sane size
//! ([`crate::regular_file`]). Its text is parsed by [`crate::actors::people`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, Weak};
use std::time::SystemTime;

use super::Settings;
use crate::actors::people::{self, People};
use crate::regular_file::{self, PEOPLE_LIMIT};

/// Why a people file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub message: String,
    /// True for the first load that met this error since the file last
    /// changed, so the server reports it once, not on every analysis.
    pub first: bool,
}

type Stamp = (SystemTime, u64);

struct Cached {
    stamp: Stamp,
    result: Result<Arc<People>, String>,
}

static CACHE: LazyLock<Mutex<HashMap<PathBuf, Cached>>> = LazyLock::new(Mutex::default);

/// The people file at `path`, read again only when it changed on disk.
pub fn load(path: &Path) -> Result<Arc<People>, LoadError> {
    let stamp = match std::fs::metadata(path) {
        Ok(meta) => (
            meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
            meta.len(),
        ),
        Err(_) => (SystemTime::UNIX_EPOCH, u64::MAX),
    };
    {
        let cache = CACHE.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(cached) = cache.get(path).filter(|c| c.stamp == stamp) {
            return cached.result.clone().map_err(|message| LoadError {
                message,
                first: false,
            });
        }
    }
    // Read and parsed outside the lock: other documents' analyses go on meanwhile.
    let result = read(path).map(Arc::new);
    let mut cache = CACHE.lock().unwrap_or_else(|p| p.into_inner());
    cache.insert(
        path.to_path_buf(),
        Cached {
            stamp,
            result: result.clone(),
        },
    );
    result.map_err(|message| LoadError {
        message,
        first: true,
    })
}

fn read(path: &Path) -> Result<People, String> {
    let bytes = regular_file::read(path, PEOPLE_LIMIT)
        .map_err(|err| format!("people file {}: {err}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|err| {
        format!(
            "people file {}: not valid UTF-8 (at byte {}); save it as UTF-8",
            path.display(),
            err.utf8_error().valid_up_to()
        )
    })?;
    people::parse(path, &text)
}

/// The settings to analyse with: `settings` with the people file it names
/// read in (`people_list`), and why that file could not be used, if so. With
/// no people file, or one already attached and unchanged, the same settings.
pub fn attach(settings: &Arc<Settings>) -> (Arc<Settings>, Option<LoadError>) {
    let Some(path) = &settings.people else {
        return (Arc::clone(settings), None);
    };
    let (list, error) = match load(path) {
        Ok(people) => (Some(people), None),
        Err(err) => (None, Some(err)),
    };
    let unchanged = match (&list, &settings.people_list) {
        (Some(new), Some(old)) => Arc::ptr_eq(new, old),
        (None, None) => true,
        _ => false,
    };
    if unchanged {
        return (Arc::clone(settings), error);
    }
    (with_list(settings, list), error)
}

/// Settings with a people list, made once per settings and list: the server
/// attaches before every analysis, and settings with long word lists are not
/// worth copying on each keystroke.
fn with_list(settings: &Arc<Settings>, list: Option<Arc<People>>) -> Arc<Settings> {
    type Made = (Weak<Settings>, Option<Arc<People>>, Arc<Settings>);
    static MADE: LazyLock<Mutex<Vec<Made>>> = LazyLock::new(Mutex::default);
    let same_list = |a: &Option<Arc<People>>| match (a, &list) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    };
    let mut made = MADE.lock().unwrap_or_else(|p| p.into_inner());
    // Settings no one holds any more are forgotten.
    made.retain(|(base, _, _)| base.strong_count() > 0);
    let base = Arc::downgrade(settings);
    if let Some((_, _, attached)) = made
        .iter()
        .find(|(b, l, _)| Weak::ptr_eq(b, &base) && same_list(l))
    {
        return Arc::clone(attached);
    }
    let mut attached = Settings::clone(settings);
    attached.people_list = list.clone();
    let attached = Arc::new(attached);
    made.retain(|(b, _, _)| !Weak::ptr_eq(b, &base));
    made.push((base, list, Arc::clone(&attached)));
    attached
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("copydesk-people-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_missing_file_is_an_error_reported_once() {
        let path = Path::new("/nonexistent/copydesk/people.toml");
        let first = load(path).unwrap_err();
        assert!(
            first.first && first.message.contains("people.toml"),
            "{first:?}"
        );
        assert!(!load(path).unwrap_err().first);
    }

    #[test]
    fn attach_reads_the_file_once_and_again_when_it_changes() {
        let dir = scratch("attach");
        let path = dir.join("people.toml");
        std::fs::write(&path, "[[person]]\nname = \"Wang Yi\"\n").unwrap();
        let settings = Arc::new(Settings {
            people: Some(path.clone()),
            ..Settings::default()
        });
        let (first, error) = attach(&settings);
        assert_eq!(error, None);
        let list = first.people_list.clone().expect("read");
        assert_eq!(list.entries[0].name, "Wang Yi");
        let (again, _) = attach(&first);
        assert!(Arc::ptr_eq(&first, &again), "unchanged: the same settings");
        let (from_base_again, _) = attach(&settings);
        assert!(
            Arc::ptr_eq(&first, &from_base_again),
            "made once per settings and list"
        );
        std::fs::write(
            &path,
            "[[person]]\nname = \"Wang Yi\"\n\n[[person]]\nname = \"Li Qiang\"\n",
        )
        .unwrap();
        let (changed, _) = attach(&first);
        assert_eq!(
            changed.people_list.as_ref().map(|p| p.entries.len()),
            Some(2)
        );
        std::fs::write(&path, "[[person]]\nname = Wang\n").unwrap();
        let (broken, error) = attach(&changed);
        assert!(broken.people_list.is_none());
        assert!(error.expect("reported").message.contains("line 2"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_documented_example_reads() {
        let doc = include_str!("../../docs/configuration.md");
        let section = &doc[doc.find("## The people file").expect("the section")..];
        let start = section.find("```toml\n").expect("an example") + "```toml\n".len();
        let example = &section[start..start + section[start..].find("```").unwrap()];
        let people = people::parse(Path::new("people.toml"), example).expect("valid");
        let names: Vec<&str> = people.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Wang Yi", "Volodymyr Zelensky", "Kadri Lepp"]);
        let wang = &people.entries[0];
        assert_eq!(wang.aliases, ["Wang"]);
        assert_eq!(wang.as_of.as_deref(), Some("2025-03-01"));
        assert!(wang.description.is_some() && wang.title.is_some());
        assert_eq!(people.entry_for("Volodymyr Zelenskyy"), Some(1));
    }

    #[test]
    fn a_folder_or_device_is_refused() {
        let dir = scratch("kinds");
        let err = load(&dir).unwrap_err();
        assert!(
            err.message.ends_with("not a regular file but a folder"),
            "{err:?}"
        );
        #[cfg(unix)]
        assert!(load(Path::new("/dev/zero"))
            .unwrap_err()
            .message
            .contains("a device"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
