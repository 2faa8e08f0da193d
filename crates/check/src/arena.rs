//! The arena: the bytes of the packed states ([`crate::Model::pack`]) of the levels kept.
//!
//! Bytes are appended at the end and dropped from the front as levels are forgotten; each
//! is addressed by its offset among all the bytes ever appended. Under a memory budget
//! ([`crate::Options::memory`]) the arena keeps at most one segment's worth in memory: when
//! that is full, it is written to an unnamed temporary file of its own (as TLC keeps its
//! queue of states on disk), read back when its states are expanded, and the file is closed
//! (and so removed) once every state in it is forgotten. Should writing fail, the bytes stay
//! in memory and the failure is reported.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::PathBuf;

/// Appended bytes, the most recent in memory and, under a budget, the older ones on disk.
#[derive(Debug, Default)]
pub(crate) struct Arena {
    /// The bytes from offset `base` on.
    bytes: Vec<u8>,
    base: usize,
    /// The bytes before `base` still needed, in order.
    segments: VecDeque<Segment>,
    spill: Option<Spill>,
}

/// Bytes `start..end` of the arena, in a file of their own.
#[derive(Debug)]
struct Segment {
    start: usize,
    end: usize,
    file: File,
}

#[derive(Debug)]
struct Spill {
    dir: PathBuf,
    /// How many bytes are kept in memory before they are written out.
    segment: usize,
    written: u64,
    error: Option<String>,
}

impl Arena {
    /// An arena that keeps its bytes in memory.
    pub(crate) fn new() -> Arena {
        Arena::default()
    }

    /// An arena that writes its bytes to files in `dir`, `segment` bytes at a time.
    pub(crate) fn spilling_to(dir: PathBuf, segment: usize) -> Arena {
        Arena {
            spill: Some(Spill {
                dir,
                segment: segment.max(1),
                written: 0,
                error: None,
            }),
            ..Arena::default()
        }
    }

    /// The offset of the next byte appended.
    pub(crate) fn end(&self) -> usize {
        self.base + self.bytes.len()
    }

    /// The buffer to append to; bytes appended past `end()` may be dropped with
    /// [`Arena::truncate`] before the next call to [`Arena::settle`].
    pub(crate) fn buffer(&mut self) -> &mut Vec<u8> {
        &mut self.bytes
    }

    /// Drops the bytes from offset `end` on (an encoding that was abandoned).
    pub(crate) fn truncate(&mut self, end: usize) {
        self.bytes.truncate(end - self.base);
    }

    /// Writes the bytes in memory out to a new segment if they fill one (under a budget).
    pub(crate) fn settle(&mut self) {
        let Some(spill) = &mut self.spill else {
            return;
        };
        if self.bytes.len() < spill.segment || spill.error.is_some() {
            return;
        }
        let written = tempfile::tempfile_in(&spill.dir).and_then(|file| {
            file.write_all_at(&self.bytes, 0)?;
            Ok(file)
        });
        match written {
            Ok(file) => {
                let end = self.base + self.bytes.len();
                self.segments.push_back(Segment {
                    start: self.base,
                    end,
                    file,
                });
                spill.written += self.bytes.len() as u64;
                self.base = end;
                self.bytes.clear();
            }
            Err(e) => {
                spill.error = Some(format!(
                    "could not write the packed states to disk in {}: {e}",
                    spill.dir.display()
                ));
            }
        }
    }

    /// Bytes `start..start + len`, appended earlier and not dropped.
    ///
    /// # Panics
    /// If they are on disk and cannot be read back (the disk failed under the search).
    pub(crate) fn read(&self, start: usize, len: usize) -> Cow<'_, [u8]> {
        if start >= self.base {
            let at = start - self.base;
            return Cow::Borrowed(&self.bytes[at..at + len]);
        }
        let i = self.segments.partition_point(|s| s.end <= start);
        let segment = &self.segments[i];
        debug_assert!(segment.start <= start && start + len <= segment.end);
        let mut out = vec![0; len];
        if let Err(e) = segment
            .file
            .read_exact_at(&mut out, (start - segment.start) as u64)
        {
            panic!("could not read the packed states back from disk: {e}");
        }
        Cow::Owned(out)
    }

    /// Drops the bytes before offset `start` (closing the files that hold only such bytes).
    pub(crate) fn forget_before(&mut self, start: usize) {
        while self.segments.front().is_some_and(|s| s.end <= start) {
            self.segments.pop_front();
        }
        if start > self.base {
            self.bytes
                .drain(..(start - self.base).min(self.bytes.len()));
            self.base = start;
        }
    }

    /// The bytes written to disk so far, and why writing failed, if it did.
    pub(crate) fn on_disk(&self) -> (u64, Option<&str>) {
        self.spill
            .as_ref()
            .map_or((0, None), |s| (s.written, s.error.as_deref()))
    }

    /// The bytes held in memory (for tests).
    #[cfg(test)]
    pub(crate) fn in_memory(&self) -> usize {
        self.bytes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Appends `n` records of 3 bytes `[i, i + 1, i + 2]` (wrapping), settling after each.
    fn fill(a: &mut Arena, n: usize) -> Vec<usize> {
        (0..n)
            .map(|i| {
                let at = a.end();
                let b = i as u8;
                a.buffer()
                    .extend_from_slice(&[b, b.wrapping_add(1), b.wrapping_add(2)]);
                a.settle();
                at
            })
            .collect()
    }

    fn record(i: usize) -> Vec<u8> {
        let b = i as u8;
        vec![b, b.wrapping_add(1), b.wrapping_add(2)]
    }

    #[test]
    fn bytes_written_out_are_read_back_and_their_files_closed_when_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = Arena::spilling_to(dir.path().to_path_buf(), 10);
        let at = fill(&mut a, 1000);
        assert!(a.in_memory() < 10);
        assert_eq!(a.on_disk(), (3000 - a.in_memory() as u64, None));
        for (i, &start) in at.iter().enumerate() {
            assert_eq!(a.read(start, 3).as_ref(), record(i), "{i}");
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "unnamed");
        let segments = a.segments.len();
        a.forget_before(at[500]);
        assert!(a.segments.len() < segments / 2 + 1);
        assert_eq!(a.read(at[500], 3).as_ref(), record(500));
        assert_eq!(a.read(at[999], 3).as_ref(), record(999));
        a.forget_before(a.end());
        assert!(a.segments.is_empty() && a.in_memory() == 0);
    }

    #[test]
    fn an_abandoned_encoding_is_dropped() {
        let mut a = Arena::new();
        fill(&mut a, 2);
        let end = a.end();
        a.buffer().push(9);
        a.truncate(end);
        assert_eq!(a.end(), 6);
        a.forget_before(3);
        assert_eq!(a.read(3, 3).as_ref(), record(1));
        assert_eq!((a.in_memory(), a.on_disk()), (3, (0, None)));
    }

    #[test]
    fn an_arena_that_cannot_write_keeps_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = Arena::spilling_to(dir.path().join("missing"), 10);
        let at = fill(&mut a, 100);
        assert_eq!(a.in_memory(), 300);
        assert_eq!(a.on_disk().0, 0);
        assert!(a.on_disk().1.unwrap().contains("missing"));
        assert_eq!(a.read(at[77], 3).as_ref(), record(77));
    }
}
