//! Folders of config files and articles on disk, for settings tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A folder of its own under the target directory, removed afterwards.
pub struct Desk {
    root: PathBuf,
}

impl Desk {
    pub fn new(name: &str) -> Desk {
        let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("config-{name}"));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).expect("temp folder");
        Desk { root }
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    pub fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("folder");
        std::fs::write(&path, text).expect("written");
        path
    }

    pub fn uri(&self, relative: &str) -> String {
        uri_of(&self.path(relative))
    }
}

impl Drop for Desk {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

pub fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}
