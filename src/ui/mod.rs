//! Drawing the reader from `&AppState`: list | reader | related, and a status bar.
//! Render reads state only; it never changes it and does no I/O.

pub mod strings;
pub mod theme;

use crate::app::{unread_count, AppState, Focus};
use crate::config::Language;
use crate::model::Article;
use crate::text::expand_tabs;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};
use ratatui::Frame;
use strings::{strings, Strings};
pub use theme::Theme;

/// Everything render needs besides the state.
pub struct View<'a> {
    pub theme: &'a Theme,
    pub language: Language,
}

/// The three panes and the status bar for a terminal of `area`.
pub struct Panes {
    pub list: Rect,
    pub reader: Rect,
    pub related: Rect,
    pub status: Rect,
}

pub fn panes(area: Rect) -> Panes {
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let [list, reader, related] = Layout::horizontal([
        Constraint::Percentage(32),
        Constraint::Percentage(43),
        Constraint::Percentage(25),
    ])
    .areas(main);
    Panes {
        list,
        reader,
        related,
        status,
    }
}

pub fn render(frame: &mut Frame, state: &AppState, view: &View) {
    let s = strings(view.language);
    let p = panes(frame.area());
    draw_list(frame, p.list, state, view, s);
    draw_reader(frame, p.reader, state, view, s);
    draw_related(frame, p.related, state, view, s);
    draw_status(frame, p.status, state, view, s);
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

fn short_date(a: &Article) -> String {
    a.published
        .map(|t| t.format("%d/%m").to_string())
        .unwrap_or_else(|| "     ".into())
}

fn draw_list(frame: &mut Frame, area: Rect, state: &AppState, view: &View, s: &Strings) {
    let block = pane(s.list, state.focus == Focus::List, view.theme);
    if state.articles.is_empty() {
        let text = Paragraph::new(s.empty_list)
            .wrap(Wrap { trim: true })
            .block(block);
        frame.render_widget(text, area);
        return;
    }
    let items: Vec<ListItem> = state
        .articles
        .iter()
        .map(|a| {
            let mark = if a.starred {
                "★"
            } else if a.read {
                " "
            } else {
                "●"
            };
            let colour = if a.read {
                view.theme.read
            } else {
                view.theme.unread
            };
            ListItem::new(Line::from(vec![
                Span::styled(format!("{mark} "), Style::default().fg(view.theme.title)),
                Span::styled(
                    format!("{} ", short_date(a)),
                    Style::default().fg(view.theme.dim),
                ),
                Span::styled(a.title.clone(), Style::default().fg(colour)),
            ]))
        })
        .collect();
    let list = List::new(items).block(block).highlight_style(
        Style::default()
            .bg(view.theme.selected_bg)
            .fg(view.theme.selected_fg),
    );
    let mut list_state = ListState::default().with_selected(Some(state.selected));
    frame.render_stateful_widget(list, area, &mut list_state);
}

/// The meta line: published, author, views, category, source.
fn meta_line(a: &Article, s: &Strings) -> String {
    let mut parts = Vec::new();
    if let Some(t) = a.published {
        parts.push(t.format("%d/%m/%Y %H:%M").to_string());
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

fn reader_lines<'a>(a: &'a Article, view: &View, s: &Strings) -> Vec<Line<'a>> {
    let mut lines = vec![
        Line::from(Span::styled(
            a.title.as_str(),
            Style::default()
                .fg(view.theme.title)
                .add_modifier(Modifier::BOLD),
        )),
        Line::from(Span::styled(
            meta_line(a, s),
            Style::default().fg(view.theme.meta),
        )),
        Line::default(),
    ];
    let body = a.body.as_deref().unwrap_or(&a.summary);
    for (i, paragraph) in body.split("\n\n").enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        let style = if i == 0 && paragraph == a.summary {
            Style::default().add_modifier(Modifier::BOLD)
        } else {
            Style::default()
        };
        lines.push(Line::from(Span::styled(expand_tabs(paragraph), style)));
    }
    lines
}

fn draw_reader(frame: &mut Frame, area: Rect, state: &AppState, view: &View, s: &Strings) {
    let block = pane(s.reader, state.focus == Focus::Reader, view.theme);
    let paragraph = match &state.open {
        Some(a) => Paragraph::new(reader_lines(a, view, s))
            .wrap(Wrap { trim: false })
            .scroll((state.reader_scroll, 0)),
        None => Paragraph::new(s.nothing_open).wrap(Wrap { trim: true }),
    };
    frame.render_widget(paragraph.block(block), area);
}

fn draw_related(frame: &mut Frame, area: Rect, state: &AppState, view: &View, s: &Strings) {
    let block = pane(s.related, state.focus == Focus::Related, view.theme);
    let related = state
        .open
        .as_ref()
        .map(|a| a.related.as_slice())
        .unwrap_or_default();
    if related.is_empty() {
        frame.render_widget(
            Paragraph::new(s.no_related)
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    let items: Vec<ListItem> = related
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let style = if r.id.is_some() {
                Style::default()
            } else {
                Style::default().fg(view.theme.dim)
            };
            let number = if i < 9 {
                format!("{} ", i + 1)
            } else {
                "  ".into()
            };
            ListItem::new(Line::from(vec![
                Span::styled(number, Style::default().fg(view.theme.meta)),
                Span::styled(r.title.clone(), style),
            ]))
        })
        .collect();
    let mut list_state = ListState::default();
    if state.focus == Focus::Related {
        list_state.select(Some(state.related_selected));
    }
    let list = List::new(items).block(block).highlight_style(
        Style::default()
            .bg(view.theme.selected_bg)
            .fg(view.theme.selected_fg),
    );
    frame.render_stateful_widget(list, area, &mut list_state);
}

fn draw_status(frame: &mut Frame, area: Rect, state: &AppState, view: &View, s: &Strings) {
    let base = Style::default()
        .bg(view.theme.status_bg)
        .fg(view.theme.status_fg);
    let mut spans = Vec::new();
    if state.offline {
        spans.push(Span::styled(
            format!(" {} ", s.offline),
            base.add_modifier(Modifier::REVERSED),
        ));
    }
    let source = state
        .articles
        .get(state.selected)
        .map(|a| a.source.as_str())
        .unwrap_or("tintuc");
    let position = if state.articles.is_empty() {
        0
    } else {
        state.selected + 1
    };
    spans.push(Span::styled(
        format!(
            " {source} │ {position}/{} │ {} {} │ ",
            state.articles.len(),
            unread_count(state),
            s.unread
        ),
        base,
    ));
    match &state.message {
        Some(m) => spans.push(Span::styled(m.clone(), base.fg(view.theme.error))),
        None => spans.push(Span::styled(s.help_hint, base)),
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(base), area);
}

#[cfg(test)]
mod tests;
