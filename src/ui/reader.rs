//! The reader pane: the title and the meta line (published the Vietnamese way, author, views,
//! category, source) fixed on top, then the laid-out body scrolled, with search matches lit.

use super::{long_date, pane, Strings, View};
use crate::app::{AppState, Focus};
use crate::doc::{self, Block, DocLine, Role};
use crate::model::Article;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// Below this many body lines the header is left out, so tiny terminals still show text.
const MIN_BODY: u16 = 3;

/// The meta line: published, author, views, category, source.
pub fn meta_line(a: &Article, s: &Strings) -> String {
    let mut parts = Vec::new();
    if let Some(t) = &a.published {
        parts.push(long_date(t, s));
    }
    if let Some(author) = &a.author {
        parts.push(author.clone());
    }
    if let Some(v) = a.views {
        parts.push(format!("{v} {}", s.views));
    }
    if let Some(c) = &a.category {
        parts.push(c.clone());
    }
    parts.push(a.source.clone());
    parts.join(" · ")
}

/// Title and meta line laid out for `width`, with a blank line after.
fn header(a: &Article, width: u16, s: &Strings) -> (Vec<DocLine>, Vec<DocLine>) {
    let title = doc::layout(&[Block::Heading(a.title.clone())], width).lines;
    let meta = doc::layout(&[Block::Paragraph(meta_line(a, s))], width).lines;
    (title, meta)
}

/// Lines the header takes in a reader of `inner` size (0 when it does not fit).
pub fn header_height(state: &AppState, inner: Rect, s: &Strings) -> u16 {
    let Some(a) = &state.open else {
        return 0;
    };
    let (title, meta) = header(a, inner.width.max(1), s);
    let height = (title.len() + meta.len() + 1) as u16;
    if inner.height >= height + MIN_BODY {
        height
    } else {
        0
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, view: &View, s: &Strings) {
    let block = pane(s.reader, state.focus == Focus::Reader, view.theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(a) = &state.open else {
        frame.render_widget(
            Paragraph::new(s.nothing_open).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    let height = header_height(state, inner, s);
    let [top, body] =
        Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(inner);
    if height > 0 {
        let (title, meta) = header(a, inner.width.max(1), s);
        let theme = view.theme;
        let bold = Style::default()
            .fg(theme.title)
            .add_modifier(Modifier::BOLD);
        let lines: Vec<Line> = title
            .iter()
            .map(|l| Line::styled(doc::line_text(l), bold))
            .chain(
                meta.iter()
                    .map(|l| Line::styled(doc::line_text(l), Style::default().fg(theme.meta))),
            )
            .collect();
        frame.render_widget(Paragraph::new(lines), top);
    }
    let scroll = usize::from(state.reader_scroll());
    let lines: Vec<Line> = state
        .doc
        .lines
        .iter()
        .enumerate()
        .skip(scroll)
        .take(usize::from(body.height))
        .map(|(n, l)| styled_line(n, l, state, view))
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

fn role_style(role: Role, view: &View) -> Style {
    let t = view.theme;
    let s = Style::default();
    match role {
        Role::Body | Role::Bullet => s,
        Role::Lead => s.add_modifier(Modifier::BOLD),
        Role::Heading => s.fg(t.title).add_modifier(Modifier::BOLD),
        Role::Table => s.fg(t.unread),
        Role::Caption => s.fg(t.dim).add_modifier(Modifier::ITALIC),
        Role::Signature => s.add_modifier(Modifier::ITALIC | Modifier::BOLD),
        Role::Link => s.fg(t.meta).add_modifier(Modifier::UNDERLINED),
        Role::LinkMark => s.fg(t.meta),
    }
}

/// One body line; the parts inside a search match are lit (the current match more so).
fn styled_line<'a>(n: usize, line: &'a DocLine, state: &AppState, view: &View) -> Line<'a> {
    let lit: Vec<(usize, usize, bool)> = state
        .matches
        .iter()
        .enumerate()
        .filter(|(_, m)| m.line == n)
        .map(|(i, m)| (m.start, m.end, state.match_cursor == Some(i)))
        .collect();
    let mut spans = Vec::new();
    let mut offset = 0;
    for run in line {
        let base = role_style(run.role, view);
        let mut cut = 0;
        for (start, end, current) in &lit {
            let (s, e) = (start.saturating_sub(offset), end.saturating_sub(offset));
            let (s, e) = (s.clamp(cut, run.text.len()), e.min(run.text.len()));
            if s >= e || !run.text.is_char_boundary(s) || !run.text.is_char_boundary(e) {
                continue;
            }
            spans.push(Span::styled(&run.text[cut..s], base));
            let mark = if *current {
                base.bg(view.theme.border_focused)
                    .fg(view.theme.selected_fg)
            } else {
                base.add_modifier(Modifier::REVERSED)
            };
            spans.push(Span::styled(&run.text[s..e], mark));
            cut = e;
        }
        spans.push(Span::styled(&run.text[cut..], base));
        offset += run.text.len();
    }
    Line::from(spans)
}
