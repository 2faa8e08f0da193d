//! The trail: every distinct state's link to its parent and its fingerprint, by state id,
//! 12 bytes a state.
//!
//! They are read only to build a trace. Under a memory budget ([`crate::Options::memory`])
//! the records of finished levels go to a file of 12-byte records (parent, fingerprint,
//! little-endian) as the search moves on, and a trace reads back the few it needs. The file
//! is unnamed (removed by the system when closed). Should writing fail, the records stay in
//! memory and the failure is reported.

use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;
use std::path::PathBuf;

use crate::model::Fingerprint;

/// Bytes of a record on disk.
const RECORD: usize = 12;

/// The parent links and fingerprints of all states; those with ids below `on_disk` in
/// `file`. A link is the id of the state's parent, or a marker (see [`crate::graph`]).
#[derive(Debug, Default)]
pub(crate) struct Trail {
    /// The records with ids `on_disk..`.
    links: Vec<u32>,
    fingerprints: Vec<Fingerprint>,
    on_disk: usize,
    spill: Option<Spill>,
}

#[derive(Debug)]
struct Spill {
    /// Where the file is made when first needed.
    dir: PathBuf,
    file: Option<File>,
    error: Option<String>,
}

impl Trail {
    /// A trail that keeps every record in memory.
    pub(crate) fn new() -> Trail {
        Trail::default()
    }

    /// A trail that moves the records of finished levels to a file in `dir`.
    pub(crate) fn spilling_to(dir: PathBuf) -> Trail {
        Trail {
            spill: Some(Spill {
                dir,
                file: None,
                error: None,
            }),
            ..Trail::default()
        }
    }

    /// The number of records.
    pub(crate) fn len(&self) -> usize {
        self.on_disk + self.links.len()
    }

    /// The number of records on disk.
    pub(crate) fn on_disk(&self) -> usize {
        self.on_disk
    }

    /// Why writing to disk failed, if it did.
    pub(crate) fn error(&self) -> Option<&str> {
        self.spill.as_ref().and_then(|s| s.error.as_deref())
    }

    pub(crate) fn push(&mut self, link: u32, fp: Fingerprint) {
        self.links.push(link);
        self.fingerprints.push(fp);
    }

    /// The link of state `id`.
    pub(crate) fn link(&self, id: usize) -> u32 {
        match id.checked_sub(self.on_disk) {
            Some(i) => self.links[i],
            None => self.read(id).0,
        }
    }

    /// The fingerprint of state `id`.
    pub(crate) fn fingerprint(&self, id: usize) -> Fingerprint {
        match id.checked_sub(self.on_disk) {
            Some(i) => self.fingerprints[i],
            None => self.read(id).1,
        }
    }

    /// Moves the records with ids below `id` to disk, if this trail spills and can.
    pub(crate) fn retire_before(&mut self, id: usize) {
        let Some(spill) = &mut self.spill else {
            return;
        };
        let n = id.saturating_sub(self.on_disk).min(self.links.len());
        if n == 0 || spill.error.is_some() {
            return;
        }
        let mut bytes = Vec::with_capacity(n * RECORD);
        for (link, fp) in self.links[..n].iter().zip(&self.fingerprints[..n]) {
            bytes.extend_from_slice(&link.to_le_bytes());
            bytes.extend_from_slice(&fp.0.to_le_bytes());
        }
        let offset = (self.on_disk * RECORD) as u64;
        match spill.write_at(&bytes, offset) {
            Ok(()) => {
                self.links.drain(..n);
                self.fingerprints.drain(..n);
                self.on_disk += n;
            }
            Err(e) => {
                spill.error = Some(format!(
                    "could not write the trace links to disk in {}: {e}",
                    spill.dir.display()
                ));
            }
        }
    }

    /// The record of state `id`, on disk.
    ///
    /// # Panics
    /// If the file cannot be read back (the disk failed under the search).
    fn read(&self, id: usize) -> (u32, Fingerprint) {
        let file = self.spill.as_ref().and_then(|s| s.file.as_ref());
        let file = file.expect("records below on_disk are in the file");
        let mut b = [0u8; RECORD];
        if let Err(e) = file.read_exact_at(&mut b, (id * RECORD) as u64) {
            panic!("could not read the trace links back from disk: {e}");
        }
        (
            u32::from_le_bytes(b[..4].try_into().unwrap()),
            Fingerprint(u64::from_le_bytes(b[4..].try_into().unwrap())),
        )
    }
}

impl Spill {
    fn write_at(&mut self, bytes: &[u8], offset: u64) -> io::Result<()> {
        if self.file.is_none() {
            self.file = Some(tempfile::tempfile_in(&self.dir)?);
        }
        self.file
            .as_ref()
            .expect("made above")
            .write_all_at(bytes, offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill(t: &mut Trail, n: u32) {
        for i in 0..n {
            t.push(i / 2, Fingerprint(u64::from(i) << 33 | 7));
        }
    }

    fn check(t: &Trail, n: u32) {
        assert_eq!(t.len(), n as usize);
        for i in 0..n {
            assert_eq!(t.link(i as usize), i / 2, "{i}");
            assert_eq!(
                t.fingerprint(i as usize),
                Fingerprint(u64::from(i) << 33 | 7)
            );
        }
    }

    #[test]
    fn retired_records_are_read_back_from_disk() {
        let dir = tempfile::tempdir().unwrap();
        let mut t = Trail::spilling_to(dir.path().to_path_buf());
        fill(&mut t, 1000);
        t.retire_before(300);
        t.retire_before(200);
        assert_eq!(t.on_disk(), 300);
        t.retire_before(5000);
        assert_eq!(t.on_disk(), 1000);
        check(&t, 1000);
        assert_eq!(t.error(), None);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "unnamed");
    }

    #[test]
    fn a_trail_that_cannot_write_keeps_its_records() {
        let dir = tempfile::tempdir().unwrap();
        let mut t = Trail::spilling_to(dir.path().join("missing"));
        fill(&mut t, 100);
        t.retire_before(50);
        assert_eq!(t.on_disk(), 0);
        check(&t, 100);
        assert!(t.error().unwrap().contains("missing"));
        let mut kept = Trail::new();
        fill(&mut kept, 100);
        kept.retire_before(50);
        assert_eq!((kept.on_disk(), kept.error()), (0, None));
    }
}
