//! Windows over the panes: the help (generated from the keymap, with each command's
//! description from the strings table) and the open article's numbered links.

use super::{Strings, View};
use crate::app::{AppState, Overlay};
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, view: &View, s: &Strings) {
    match state.overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => help(frame, area, scroll, view, s),
        Overlay::Links { selected } => links(frame, area, state, selected, view, s),
    }
}

fn window<'a>(title: &'a str, footer: &'a str, view: &View) -> Block<'a> {
    let t = view.theme;
    Block::default()
        .borders(Borders::ALL)
        .border_style(Style::default().fg(t.border_focused))
        .title(Span::styled(
            format!(" {title} "),
            Style::default().fg(t.title).add_modifier(Modifier::BOLD),
        ))
        .title_bottom(Span::styled(
            format!(" {footer} "),
            Style::default().fg(t.dim),
        ))
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    rect
}

/// One row per command that has keys: the keys, then what the command does.
pub fn help_rows(view: &View, s: &Strings) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = view
        .keymap
        .bindings()
        .iter()
        .filter(|(_, keys)| !keys.is_empty())
        .map(|(c, keys)| {
            let keys: Vec<String> = keys.iter().map(|k| k.label()).collect();
            (keys.join(" / "), s.describe(*c))
        })
        .collect();
    rows.push((s.open_related_keys.to_string(), s.open_related));
    rows
}

fn help(frame: &mut Frame, area: Rect, scroll: u16, view: &View, s: &Strings) {
    let rows = help_rows(view, s);
    let key_width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let lines: Vec<Line> = rows
        .iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(
                    format!("{keys:<key_width$}  "),
                    Style::default()
                        .fg(view.theme.meta)
                        .add_modifier(Modifier::BOLD),
                ),
                Span::raw(*what),
            ])
        })
        .collect();
    let rect = centered(area, 76, lines.len() as u16 + 2);
    let max = (lines.len() as u16).saturating_sub(rect.height.saturating_sub(2));
    frame.render_widget(Clear, rect);
    let text = Paragraph::new(lines)
        .scroll((scroll.min(max), 0))
        .block(window(s.help_title, s.help_footer, view));
    frame.render_widget(text, rect);
}

fn links(
    frame: &mut Frame,
    area: Rect,
    state: &AppState,
    selected: usize,
    view: &View,
    s: &Strings,
) {
    let items: Vec<ListItem> = state
        .doc
        .links
        .iter()
        .enumerate()
        .map(|(i, url)| {
            ListItem::new(Line::from(vec![
                Span::styled(
                    format!("[{}] ", i + 1),
                    Style::default().fg(view.theme.meta),
                ),
                Span::raw(url.as_str()),
            ]))
        })
        .collect();
    let rect = centered(area, 90, items.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    let list = List::new(items)
        .block(window(s.links_title, s.links_footer, view))
        .highlight_style(
            Style::default()
                .bg(view.theme.selected_bg)
                .fg(view.theme.selected_fg),
        );
    let mut list_state = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(list, rect, &mut list_state);
}
