//! The related sidebar: the page's own list, then "Cùng chủ đề"; each entry with its date,
//! numbered 1–9, and dimmed when it is not in the cache.

use super::{pane, Strings, View};
use crate::app::{sidebar, AppState, Focus, SidebarEntry};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, view: &View, s: &Strings) {
    let block = pane(s.related, state.focus == Focus::Related, view.theme);
    let entries = sidebar(state);
    if entries.is_empty() {
        let text = Paragraph::new(s.no_related).wrap(Wrap { trim: true });
        frame.render_widget(text.block(block), area);
        return;
    }
    let heading = Style::default()
        .fg(view.theme.title)
        .add_modifier(Modifier::BOLD);
    let mut items = Vec::new();
    let mut selected_row = None;
    for (i, e) in entries.iter().enumerate() {
        let first_of_section = i == 0 || entries[i - 1].from_page != e.from_page;
        if first_of_section {
            let title = if e.from_page { s.from_page } else { s.similar };
            items.push(ListItem::new(Line::styled(title, heading)));
        }
        if i == state.related_selected {
            selected_row = Some(items.len());
        }
        items.push(entry(i, e, view, s));
    }
    let mut list_state = ListState::default();
    if state.focus == Focus::Related {
        list_state.select(selected_row);
    }
    let list = List::new(items).block(block).highlight_style(
        Style::default()
            .bg(view.theme.selected_bg)
            .fg(view.theme.selected_fg),
    );
    frame.render_stateful_widget(list, area, &mut list_state);
}

/// Two lines: the number and title, then the date (and "not cached" when it is not).
fn entry<'a>(i: usize, e: &SidebarEntry<'a>, view: &View, s: &Strings) -> ListItem<'a> {
    let style = if e.id.is_some() {
        Style::default()
    } else {
        Style::default().fg(view.theme.dim)
    };
    let number = if i < 9 {
        format!("{} ", i + 1)
    } else {
        "  ".into()
    };
    let mut when = e
        .published
        .map(|t| t.format("%d/%m/%Y").to_string())
        .unwrap_or_default();
    if e.id.is_none() {
        when = format!("{when} ({})", s.not_cached).trim().to_string();
    }
    ListItem::new(vec![
        Line::from(vec![
            Span::styled(number, Style::default().fg(view.theme.meta)),
            Span::styled(e.title, style),
        ]),
        Line::styled(format!("  {when}"), Style::default().fg(view.theme.dim)),
    ])
}
