//! Where checked uploads wait to be downloaded: in memory only, under random 128-bit tokens,
//! removed on download, after `ttl`, or (oldest first) when the total passes `max_bytes`.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

struct Entry {
    name: String,
    bytes: Vec<u8>,
    created: Instant,
}

pub struct Store {
    entries: Mutex<HashMap<String, Entry>>,
    ttl: Duration,
    max_bytes: usize,
}

/// A fresh unguessable token: 16 bytes from the operating system, as 32 hex digits.
pub fn token() -> String {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).expect("operating system random source");
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn is_token(t: &str) -> bool {
    t.len() == 32 && t.bytes().all(|c| c.is_ascii_hexdigit())
}

impl Store {
    pub fn new(ttl: Duration, max_bytes: usize) -> Store {
        Store {
            entries: Mutex::new(HashMap::new()),
            ttl,
            max_bytes,
        }
    }

    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry>> {
        // A panic while holding the lock leaves the map usable; recover it.
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Keeps `bytes` (to be downloaded as `name`) and returns its token.
    pub fn put(&self, name: String, bytes: Vec<u8>) -> String {
        let t = token();
        let mut m = self.lock();
        Self::sweep_locked(&mut m, self.ttl);
        let mut total: usize = m.values().map(|e| e.bytes.len()).sum::<usize>() + bytes.len();
        while total > self.max_bytes && !m.is_empty() {
            let oldest = m
                .iter()
                .min_by_key(|(_, e)| e.created)
                .map(|(k, _)| k.clone())
                .expect("not empty");
            if let Some(e) = m.remove(&oldest) {
                total -= e.bytes.len();
            }
        }
        m.insert(
            t.clone(),
            Entry {
                name,
                bytes,
                created: Instant::now(),
            },
        );
        t
    }

    /// Hands the file out once and forgets it.
    pub fn take(&self, token: &str) -> Option<(String, Vec<u8>)> {
        if !is_token(token) {
            return None;
        }
        let mut m = self.lock();
        Self::sweep_locked(&mut m, self.ttl);
        m.remove(token).map(|e| (e.name, e.bytes))
    }

    /// The name and size of a file still waiting, without handing it out (for HEAD).
    pub fn peek(&self, token: &str) -> Option<(String, usize)> {
        if !is_token(token) {
            return None;
        }
        let mut m = self.lock();
        Self::sweep_locked(&mut m, self.ttl);
        m.get(token).map(|e| (e.name.clone(), e.bytes.len()))
    }

    /// Drops every entry older than the time to keep.
    pub fn sweep(&self) {
        Self::sweep_locked(&mut self.lock(), self.ttl);
    }

    fn sweep_locked(m: &mut HashMap<String, Entry>, ttl: Duration) {
        m.retain(|_, e| e.created.elapsed() < ttl);
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_128_bit_hex_and_distinct() {
        let a = token();
        let b = token();
        assert!(is_token(&a) && is_token(&b));
        assert_ne!(a, b);
    }

    #[test]
    fn a_file_is_handed_out_once() {
        let s = Store::new(Duration::from_secs(60), 1 << 20);
        let t = s.put("a.xlsx".into(), vec![1, 2, 3]);
        assert_eq!(s.peek(&t), Some(("a.xlsx".into(), 3)));
        assert_eq!(s.take(&t), Some(("a.xlsx".into(), vec![1, 2, 3])));
        assert_eq!(s.take(&t), None);
        assert_eq!(s.take("../../etc/passwd"), None);
    }

    #[test]
    fn files_expire_and_the_oldest_go_past_the_memory_cap() {
        let s = Store::new(Duration::from_millis(0), 1 << 20);
        let t = s.put("a.xlsx".into(), vec![0; 10]);
        assert_eq!(s.take(&t), None, "expired at once with a zero time to keep");
        let s = Store::new(Duration::from_secs(60), 100);
        let a = s.put("a".into(), vec![0; 60]);
        std::thread::sleep(Duration::from_millis(2));
        let b = s.put("b".into(), vec![0; 60]);
        assert!(s.take(&a).is_none(), "oldest evicted");
        assert!(s.take(&b).is_some());
    }
}
