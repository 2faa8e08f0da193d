//! Fingerprints kept on disk: a sorted run, looked up by page.
//!
//! When the seen set is given a memory budget ([`crate::Options::memory`]) and its table
//! fills up, the table's fingerprints are merged into a sorted file (a *run*) and the table
//! starts empty again, as TLC's `DiskFPSet` does. A run is a file of little-endian `u64`s in
//! ascending order, with an index in memory of the first fingerprint of every page of
//! [`PAGE`] entries (one `u64` per 4 KiB). A lookup finds the page in the index and reads that
//! page alone (a positioned read, so threads can share the file); the operating system's page
//! cache keeps a run that fits in free memory out of the disk.
//!
//! A run is never written to once made. Merging writes a new file; the old run's file is
//! removed when the last reader holding it lets it go.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

/// Fingerprints per page of a run: 4 KiB.
const PAGE: usize = 512;

/// A sorted file of fingerprints and its page index.
#[derive(Debug)]
pub(crate) struct Run {
    file: File,
    path: PathBuf,
    len: u64,
    /// The first fingerprint of each page.
    index: Vec<u64>,
}

impl Run {
    /// The number of fingerprints in the run.
    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    /// The run made of `previous` (if any) and `more` (sorted, none of them in
    /// `previous`), written to `path`.
    pub(crate) fn merge(previous: Option<&Run>, more: &[u64], path: &Path) -> io::Result<Run> {
        debug_assert!(more.windows(2).all(|w| w[0] < w[1]));
        let mut out = PageWriter::create(path)?;
        let mut more = more.iter().copied().peekable();
        if let Some(previous) = previous {
            let mut old = BufReader::with_capacity(1 << 20, File::open(&previous.path)?);
            for _ in 0..previous.len {
                let mut bytes = [0u8; 8];
                old.read_exact(&mut bytes)?;
                let fp = u64::from_le_bytes(bytes);
                while let Some(m) = more.next_if(|&m| m < fp) {
                    out.push(m)?;
                }
                out.push(fp)?;
            }
        }
        for m in more {
            out.push(m)?;
        }
        out.finish(path)
    }

    /// Whether `fp` is in the run.
    ///
    /// # Panics
    /// If the run's file cannot be read back (the disk failed under the search).
    pub(crate) fn contains(&self, fp: u64) -> bool {
        let page = self.index.partition_point(|&first| first <= fp);
        if page == 0 {
            return false;
        }
        let start = (page - 1) * PAGE;
        let n = (self.len as usize - start).min(PAGE);
        let mut bytes = [0u8; PAGE * 8];
        let bytes = &mut bytes[..n * 8];
        if let Err(e) = self.file.read_exact_at(bytes, start as u64 * 8) {
            panic!(
                "could not read the seen set's fingerprints back from {}: {e}",
                self.path.display()
            );
        }
        let at = |i: usize| u64::from_le_bytes(bytes[i * 8..i * 8 + 8].try_into().unwrap());
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match at(mid).cmp(&fp) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        // The file is ours alone; a failure to remove it leaves a file in the spill
        // directory, which is removed with the directory.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Writes a run's file and its index.
struct PageWriter {
    out: BufWriter<File>,
    len: u64,
    index: Vec<u64>,
}

impl PageWriter {
    fn create(path: &Path) -> io::Result<PageWriter> {
        Ok(PageWriter {
            out: BufWriter::with_capacity(1 << 20, File::create(path)?),
            len: 0,
            index: Vec::new(),
        })
    }

    fn push(&mut self, fp: u64) -> io::Result<()> {
        if self.len.is_multiple_of(PAGE as u64) {
            self.index.push(fp);
        }
        self.len += 1;
        self.out.write_all(&fp.to_le_bytes())
    }

    fn finish(self, path: &Path) -> io::Result<Run> {
        let file = self.out.into_inner().map_err(|e| e.into_error())?;
        file.sync_data().ok();
        drop(file);
        Ok(Run {
            file: File::open(path)?,
            path: path.to_path_buf(),
            len: self.len,
            index: self.index,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_runs_hold_exactly_their_fingerprints() {
        let dir = tempfile::tempdir().unwrap();
        // Odd numbers first, then the multiples of four: several pages, interleaved.
        let odd: Vec<u64> = (0..3000u64).map(|i| 2 * i + 1).collect();
        let first = Run::merge(None, &odd, &dir.path().join("a")).unwrap();
        let fours: Vec<u64> = (0..1500u64).map(|i| 4 * i).collect();
        let both = Run::merge(Some(&first), &fours, &dir.path().join("b")).unwrap();
        assert_eq!(both.len(), 4500);
        for x in 0..6100u64 {
            let expected = x < 6000 && (x % 2 == 1 || x.is_multiple_of(4));
            assert_eq!(both.contains(x), expected, "{x}");
            assert_eq!(first.contains(x), x % 2 == 1 && x < 6000, "{x}");
        }
        assert!(!both.contains(u64::MAX));
        drop(first);
        assert!(
            !dir.path().join("a").exists(),
            "a dropped run removes its file"
        );
    }

    #[test]
    fn an_empty_run_holds_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let run = Run::merge(None, &[], &dir.path().join("a")).unwrap();
        assert_eq!(run.len(), 0);
        assert!(!run.contains(0));
        assert!(!run.contains(17));
    }
}
