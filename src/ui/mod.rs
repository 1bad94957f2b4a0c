//! Drawing the reader from `&AppState`. Render reads state only; it never changes it and does
//! no I/O. The layout adapts to the width: ≥120 columns list | reader | related; 80–119
//! list | reader with related under the reader; under 80 one pane at a time (the focused one).
//!
//! - [`list`]: the article list and the search line. [`reader`]: title, meta line, body.
//! - [`related`]: the sidebar. [`status`]: the status bar. [`overlay`]: help and links.
//! - [`strings`]: every visible string per language. [`theme`]: colours.

mod list;
mod overlay;
mod reader;
mod related;
mod status;
pub mod strings;
pub mod theme;

use crate::app::{AppState, Focus, Keymap};
use crate::config::Language;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};
use ratatui::Frame;
use strings::{strings, Strings};
pub use theme::Theme;

/// Three panes side by side from this width.
pub const WIDE: u16 = 120;
/// Two panes (related under the reader) from this width; one pane below it.
pub const MEDIUM: u16 = 80;

/// Everything render needs besides the state.
pub struct View<'a> {
    pub theme: &'a Theme,
    pub language: Language,
    /// For the help overlay: the same table the keys are read from.
    pub keymap: &'a Keymap,
}

/// Where the panes go; a pane not shown at this size is `None`.
pub struct Panes {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub related: Option<Rect>,
    pub status: Rect,
}

pub fn panes(area: Rect, focus: Focus) -> Panes {
    let [main, status] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    if area.width >= WIDE {
        let [list, reader, related] = Layout::horizontal([
            Constraint::Percentage(30),
            Constraint::Percentage(45),
            Constraint::Percentage(25),
        ])
        .areas(main);
        return Panes {
            list: Some(list),
            reader: Some(reader),
            related: Some(related),
            status,
        };
    }
    if area.width >= MEDIUM {
        let [list, right] =
            Layout::horizontal([Constraint::Percentage(38), Constraint::Percentage(62)])
                .areas(main);
        let [reader, related] =
            Layout::vertical([Constraint::Percentage(68), Constraint::Percentage(32)]).areas(right);
        return Panes {
            list: Some(list),
            reader: Some(reader),
            related: Some(related),
            status,
        };
    }
    let only = |f: Focus| (focus == f).then_some(main);
    Panes {
        list: only(Focus::List),
        reader: only(Focus::Reader),
        related: only(Focus::Related),
        status,
    }
}

/// Width and height of the reader's body text for a terminal of `area` (what `update` lays
/// the article out for), whether or not the reader is on screen right now.
pub fn reader_viewport(area: Rect, state: &AppState, view: &View) -> (u16, u16) {
    let Some(pane) = panes(area, Focus::Reader).reader else {
        return (1, 1);
    };
    let inner = Block::default().borders(Borders::ALL).inner(pane);
    let header = reader::header_height(state, inner, strings(view.language));
    (
        inner.width.max(1),
        inner.height.saturating_sub(header).max(1),
    )
}

pub fn render(frame: &mut Frame, state: &AppState, view: &View) {
    let s = strings(view.language);
    let p = panes(frame.area(), state.focus);
    if let Some(area) = p.list {
        list::draw(frame, area, state, view, s);
    }
    if let Some(area) = p.reader {
        reader::draw(frame, area, state, view, s);
    }
    if let Some(area) = p.related {
        related::draw(frame, area, state, view, s);
    }
    status::draw(frame, p.status, state, view, s);
    overlay::draw(frame, frame.area(), state, view, s);
}

fn pane<'a>(title: &'a str, focused: bool, theme: &Theme) -> Block<'a> {
    let colour = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(Style::default().fg(colour))
        .title(Span::styled(
            format!(" {title} "),
            Style::default().fg(colour).add_modifier(Modifier::BOLD),
        ))
}

/// A date the Vietnamese way: `Thứ Năm, 14/01/2021 08:41` (weekday names per language).
pub fn long_date(t: &chrono::DateTime<chrono::FixedOffset>, s: &Strings) -> String {
    use chrono::Datelike;
    let weekday = s.weekdays[t.weekday().num_days_from_monday() as usize];
    format!("{weekday}, {}", t.format("%d/%m/%Y %H:%M"))
}

#[cfg(test)]
mod tests;
