//! The status bar: offline badge, source, position/count, unread count, filters, sync state,
//! then the current notice or a hint.

use super::{Strings, View};
use crate::app::{unread_count, AppState, Notice, SyncState};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, view: &View, s: &Strings) {
    let base = Style::default()
        .bg(view.theme.status_bg)
        .fg(view.theme.status_fg);
    let mut spans = Vec::new();
    if state.is_offline() {
        spans.push(Span::styled(
            format!(" {} ", s.offline),
            base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
        ));
    }
    let source = state
        .open
        .as_ref()
        .or(state.selected_row())
        .map_or("tintuc", |a| a.source.as_str());
    let position = (state.selected + 1).min(state.list.total);
    let mut text = format!(
        " {source} │ {position}/{} │ {} {} │ ",
        state.list.total,
        unread_count(state),
        s.unread
    );
    for (on, label) in [
        (state.view.unread_only, s.filter_unread),
        (state.view.starred_only, s.filter_starred),
    ] {
        if on {
            text.push_str(&format!("[{label}] "));
        }
    }
    spans.push(Span::styled(text, base));
    spans.push(sync_span(state, s, base, view));
    spans.push(Span::styled(" │ ", base));
    match &state.notice {
        Some(n) => spans.push(Span::styled(notice(n, s), base.fg(view.theme.error))),
        None => spans.push(Span::styled(s.help_hint, base)),
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(base), area);
}

fn sync_span(state: &AppState, s: &Strings, base: Style, view: &View) -> Span<'static> {
    match &state.sync {
        SyncState::Running { done, total } => Span::styled(
            format!("{} {done}/{total}…", s.syncing),
            base.add_modifier(Modifier::BOLD),
        ),
        SyncState::Failed { problems, last } => Span::styled(
            format!("{problems} {}: {last}", s.sync_problems),
            base.fg(view.theme.error),
        ),
        SyncState::Idle => Span::styled(
            match &state.last_sync {
                Some(t) => format!("{} {}", s.synced_at, t.format("%H:%M %d/%m")),
                None => s.never_synced.to_string(),
            },
            base,
        ),
    }
}

/// A notice in the user's language.
pub fn notice(n: &Notice, s: &Strings) -> String {
    match n {
        Notice::NotCached { title, url } => format!("{}: {title} — {url}", s.not_cached_notice),
        Notice::Missing => s.missing.into(),
        Notice::BadUrl => s.bad_url.into(),
        Notice::Copied => s.copied.into(),
        Notice::Saved(path) => format!("{}: {path}", s.saved),
        Notice::OpenedInBrowser => s.opened.into(),
        Notice::NoMatches => s.no_matches.into(),
        Notice::NoLinks => s.no_links.into(),
        Notice::SyncBusy => s.sync_busy.into(),
        Notice::Error(e) => e.clone(),
    }
}
