//! A value that one of the shell's start-up threads fills in while the window starts (the open
//! ledger, the opening figures, the end of the start-up backup), and that others wait for.
//! Waiting blocks the calling thread: call it on a thread of the shell's own or in a
//! blocking task, never on the async runtime's threads.

use std::sync::{Condvar, Mutex};

/// A value filled in later, once; whoever waits goes on when it is.
pub struct Later<T> {
    value: Mutex<Option<T>>,
    filled: Condvar,
}

impl<T> Default for Later<T> {
    fn default() -> Self {
        Self {
            value: Mutex::new(None),
            filled: Condvar::new(),
        }
    }
}

impl<T> Later<T> {
    /// One that already holds `value`.
    pub fn filled(value: T) -> Self {
        let this = Self::default();
        this.fill(value);
        this
    }

    /// Puts the value in; whoever waits for it goes on.
    pub fn fill(&self, value: T) {
        *self.value.lock().unwrap_or_else(|p| p.into_inner()) = Some(value);
        self.filled.notify_all();
    }

    /// Whether the value is in.
    pub fn is_filled(&self) -> bool {
        self.value
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some()
    }

    /// Waits until the value is in, then gives it to `f`.
    pub fn wait_with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let guard = self.value.lock().unwrap_or_else(|p| p.into_inner());
        let mut guard = self
            .filled
            .wait_while(guard, |v| v.is_none())
            .unwrap_or_else(|p| p.into_inner());
        f(guard.as_mut().expect("filled"))
    }
}
