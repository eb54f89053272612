//! The tagger's weights: one row of scores per feature, in a table keyed
//! by the feature's hash; and the file they are kept in.
//!
//! The file (`data/names.model`) is a text header (lines starting `#`: what
//! the model is, what it was trained on, attribution and licence), a line
//! `#end`, then little-endian binary: the magic `CDNM`, the version, the
//! number of tags and of features, the scale of the weights, every key
//! (u64), then every row of weights (i16 per tag, the float weight times
//! the scale).

use super::TAGS;

const MAGIC: &[u8; 4] = b"CDNM";
const VERSION: u32 = 1;
const END_OF_HEADER: &[u8] = b"#end\n";

/// Averaged weights, for tagging.
#[derive(Debug)]
pub struct Model {
    /// Open addressing, linear probing; 0 marks an empty slot.
    keys: Vec<u64>,
    rows: Vec<[i16; TAGS]>,
    mask: usize,
    /// Weights are stored times this.
    pub scale: f32,
    /// The header, as written.
    pub header: String,
}

impl Model {
    /// A model with no features (every token is tagged outside a name).
    pub fn empty() -> Model {
        Model {
            keys: vec![0; 1],
            rows: vec![[0; TAGS]; 1],
            mask: 0,
            scale: 1.0,
            header: String::new(),
        }
    }

    /// Adds the row of feature `key` to `scores`.
    #[inline]
    pub fn add(&self, key: u64, scores: &mut [i32; TAGS]) {
        let mut slot = (key >> 32) as usize & self.mask;
        loop {
            let k = self.keys[slot];
            if k == key {
                for (s, w) in scores.iter_mut().zip(&self.rows[slot]) {
                    *s += i32::from(*w);
                }
                return;
            }
            if k == 0 {
                return;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let end = bytes
            .windows(END_OF_HEADER.len())
            .position(|w| w == END_OF_HEADER)
            .ok_or("no `#end` line after the header")?;
        let header = String::from_utf8_lossy(&bytes[..end]).into_owned();
        let mut body = Reader(&bytes[end + END_OF_HEADER.len()..]);
        if body.take(4)? != MAGIC {
            return Err("not a copydesk name model".into());
        }
        let version = body.u32()?;
        if version != VERSION {
            return Err(format!("model version {version}, expected {VERSION}"));
        }
        let tags = body.u32()? as usize;
        if tags != TAGS {
            return Err(format!("{tags} tags, expected {TAGS}"));
        }
        let n = body.u32()? as usize;
        let scale = f32::from_le_bytes(body.array()?);
        // Both tables at once, checked for length once (read value by value,
        // the model took 6.2 M instructions to read, now 1.4 M).
        let keys = body.take(n * 8)?.chunks_exact(8);
        let rows = body.take(n * 2 * TAGS)?.chunks_exact(2 * TAGS);
        let capacity = (n * 2).next_power_of_two().max(2);
        let mut model = Model {
            keys: vec![0; capacity],
            rows: vec![[0; TAGS]; capacity],
            mask: capacity - 1,
            scale,
            header,
        };
        for (key, weights) in keys.zip(rows) {
            // Eight bytes by `chunks_exact`: a key that is not is no key.
            let key = <[u8; 8]>::try_from(key).map_or(0, u64::from_le_bytes);
            let mut row = [0i16; TAGS];
            for (w, bytes) in row.iter_mut().zip(weights.chunks_exact(2)) {
                *w = i16::from_le_bytes([bytes[0], bytes[1]]);
            }
            if key == 0 {
                return Err("a feature key is zero".into());
            }
            let mut slot = (key >> 32) as usize & model.mask;
            while model.keys[slot] != 0 {
                slot = (slot + 1) & model.mask;
            }
            model.keys[slot] = key;
            model.rows[slot] = row;
        }
        Ok(model)
    }

    /// Writes weights as a model file: `header` (each line is written with
    /// a leading `# `), the features whose largest weight reaches `prune`.
    pub fn to_bytes(header: &str, weights: &[(u64, [f32; TAGS])], prune: f32) -> Vec<u8> {
        let kept: Vec<&(u64, [f32; TAGS])> = weights
            .iter()
            .filter(|(_, row)| row.iter().any(|w| w.abs() >= prune))
            .collect();
        let largest = kept
            .iter()
            .flat_map(|(_, row)| row.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 {
            f32::from(i16::MAX) / largest
        } else {
            1.0
        };
        let mut out = Vec::new();
        for line in header.lines() {
            out.extend_from_slice(if line.is_empty() { b"#" } else { b"# " });
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        out.extend_from_slice(END_OF_HEADER);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(TAGS as u32).to_le_bytes());
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for (key, _) in &kept {
            out.extend_from_slice(&key.to_le_bytes());
        }
        for (_, row) in &kept {
            for w in row {
                let q = (w * scale).round().clamp(-32767.0, 32767.0) as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.0.len() < n {
            return Err("the model file ends early".into());
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.array()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_survive_the_file() {
        let mut row = [0f32; TAGS];
        row[1] = 2.0;
        row[3] = -1.0;
        let bytes = Model::to_bytes("a test\n\nmodel", &[(77, row), (99, [0.001; TAGS])], 0.01);
        let model = Model::from_bytes(&bytes).unwrap();
        assert_eq!(model.header, "# a test\n#\n# model\n");
        let mut scores = [0; TAGS];
        model.add(77, &mut scores);
        model.add(99, &mut scores);
        model.add(12345, &mut scores);
        assert_eq!(scores[1], 32767);
        assert!((f32::from(scores[3] as i16) / model.scale + 1.0).abs() < 0.001);
        assert_eq!(scores[0], 0);
    }

    #[test]
    fn broken_files_are_refused() {
        assert!(Model::from_bytes(b"# no end").is_err());
        assert!(Model::from_bytes(b"#end\nXXXX").is_err());
        let bytes = Model::to_bytes("x", &[(5, [1.0; TAGS])], 0.0);
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    }
}
