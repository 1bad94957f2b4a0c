//! The reader's own store connection on its own thread: list loads, articles, similar
//! articles, searches and read/star writes, each answered as a `Msg` tagged as it was asked.

use super::Event;
use crate::app::{Effect, ListPage, ListQuery, ListView, Msg, WINDOW};
use crate::store::{ListFilter, Store, StoreError};
use std::collections::VecDeque;
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};

/// "Cùng chủ đề" shows at most this many articles.
const SIMILAR: usize = 10;
/// Search results shown in the list.
const SEARCH_LIMIT: usize = 200;
/// How often an idle reader looks whether another process wrote to the cache (a cheap pragma).
const WATCH_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

pub enum StoreRequest {
    /// At start: the first window of the list, its counts, and the last sync time.
    Start,
    Effect(Effect),
}

/// Requests whose reply a newer one of the same kind makes useless (searches while typing,
/// list windows while moving fast).
fn superseded(r: &StoreRequest, queue: &VecDeque<StoreRequest>) -> bool {
    let kind = |r: &StoreRequest| match r {
        StoreRequest::Effect(Effect::Search { .. }) => 1,
        StoreRequest::Effect(Effect::LoadList(_)) => 2,
        _ => 0,
    };
    kind(r) != 0 && queue.iter().any(|q| kind(q) == kind(r))
}

pub fn spawn(store: Store, events: Sender<Event>) -> Sender<StoreRequest> {
    let (tx, rx) = channel::<StoreRequest>();
    std::thread::spawn(move || {
        yield_to_the_ui();
        let mut queue = VecDeque::new();
        let mut seen_version = store.data_version().ok();
        loop {
            if queue.is_empty() {
                match rx.recv_timeout(WATCH_EVERY) {
                    Ok(r) => queue.push_back(r),
                    Err(RecvTimeoutError::Timeout) => {
                        if let Some(msgs) = watch(&store, &mut seen_version) {
                            if msgs
                                .into_iter()
                                .any(|m| events.send(Event::Msg(m)).is_err())
                            {
                                return;
                            }
                        }
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            queue.extend(rx.try_iter());
            let Some(request) = queue.pop_front() else {
                continue;
            };
            // Only the newest one's reply is kept anyway.
            if superseded(&request, &queue) {
                continue;
            }
            let replies =
                serve(&store, request).unwrap_or_else(|e| vec![Msg::Error(e.to_string())]);
            for msg in replies {
                if events.send(Event::Msg(msg)).is_err() {
                    return;
                }
            }
        }
    });
    tx
}

/// Lowers this thread's scheduling priority (nice 10), so that on a busy machine a keypress
/// is drawn before the store thread's slower work goes on (similar articles take tens of
/// milliseconds of CPU right after an article opens, when the next keys come). Best effort.
#[cfg(target_os = "linux")]
fn yield_to_the_ui() {
    extern "C" {
        fn gettid() -> i32;
        fn setpriority(which: i32, who: u32, prio: i32) -> i32;
    }
    const PRIO_PROCESS: i32 = 0;
    // SAFETY: plain syscall wrappers from the C library std already links; on Linux, a
    // thread id given to PRIO_PROCESS changes only that thread. A failure changes nothing.
    unsafe {
        let tid = gettid();
        setpriority(PRIO_PROCESS, tid as u32, 10);
    }
}

#[cfg(not(target_os = "linux"))]
fn yield_to_the_ui() {}

/// When another connection committed since the last look: the messages that show it.
fn watch(store: &Store, seen: &mut Option<i64>) -> Option<Vec<Msg>> {
    let now = store.data_version().ok()?;
    if seen.replace(now) == Some(now) {
        return None;
    }
    Some(vec![
        Msg::CacheChanged,
        Msg::LastSync(store.last_sync().ok()?),
    ])
}

/// Writes the article as an HTML document in the current directory (off the UI thread).
fn save_document(store: &Store, id: crate::model::ArticleId) -> Result<Msg, StoreError> {
    use crate::document::{file_name, render, DocFormat};
    let Some(article) = store.article(id)? else {
        return Ok(Msg::Error(format!(
            "article {id} is no longer in the cache"
        )));
    };
    let path = std::path::PathBuf::from(file_name(&article, DocFormat::Html));
    Ok(
        match std::fs::write(&path, render(&article, DocFormat::Html)) {
            Ok(()) => Msg::Saved(
                std::fs::canonicalize(&path)
                    .unwrap_or(path)
                    .display()
                    .to_string(),
            ),
            Err(e) => Msg::Error(format!("cannot write {}: {e}", path.display())),
        },
    )
}

/// A window of the list with the view's counts; never the whole list.
fn list(store: &Store, q: ListQuery) -> Result<Msg, StoreError> {
    let filter = ListFilter {
        unread_only: q.view.unread_only,
        starred_only: q.view.starred_only,
        ..ListFilter::default()
    };
    let counts = store.list_counts(&filter)?;
    Ok(Msg::ListLoaded(ListPage {
        request: q.request,
        offset: q.offset,
        total: counts.total as usize,
        unread: counts.unread as usize,
        rows: store.list_window(&filter, q.offset, q.limit)?,
    }))
}

fn serve(store: &Store, request: StoreRequest) -> Result<Vec<Msg>, StoreError> {
    let effect = match request {
        StoreRequest::Start => {
            let first = ListQuery {
                request: 0,
                view: ListView::default(),
                offset: 0,
                limit: WINDOW,
            };
            return Ok(vec![list(store, first)?, Msg::LastSync(store.last_sync()?)]);
        }
        StoreRequest::Effect(e) => e,
    };
    let reply = match effect {
        Effect::LoadList(query) => list(store, query)?,
        Effect::LoadArticle { request, id } => Msg::ArticleLoaded {
            request,
            article: store.article(id)?.map(Box::new),
        },
        Effect::LoadSimilar { request, id } => Msg::SimilarLoaded {
            request,
            articles: store.similar(id, SIMILAR)?,
        },
        Effect::Search { request, query } => Msg::SearchResults {
            request,
            articles: store.search_rows(&query, SEARCH_LIMIT)?,
        },
        Effect::SetRead { id, read } => return store.set_read(id, read).map(|_| Vec::new()),
        Effect::SetStarred { id, starred } => {
            return store.set_starred(id, starred).map(|_| Vec::new())
        }
        Effect::SaveDocument { id } => save_document(store, id)?,
        // Done by the runtime itself, never sent here.
        Effect::SyncNow | Effect::OpenUrl(_) | Effect::CopyUrl(_) => return Ok(Vec::new()),
    };
    Ok(vec![reply])
}
