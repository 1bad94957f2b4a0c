//! The article list, with the search line on top while a search is shown. Only the rows on
//! screen are drawn (the list may have 100,000); a row not loaded yet shows as a dim dot.

use super::{pane, Strings, View};
use crate::app::{AppState, Focus};
use crate::model::Article;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, view: &View, s: &Strings) {
    let block = pane(s.list, state.focus == Focus::List, view.theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = if state.search.active {
        let [line, rows] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        frame.render_widget(search_line(state, view, s), line);
        rows
    } else {
        inner
    };
    if state.list.total == 0 {
        let text = if state.search.active {
            s.no_results
        } else {
            s.empty_list
        };
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), rows);
        return;
    }
    // The selected row is the last one on screen once it is past the first screenful.
    let height = usize::from(rows.height).max(1);
    let first = state.selected.saturating_sub(height - 1);
    let last = (first + height).min(state.list.total);
    let items: Vec<ListItem> = (first..last)
        .map(|i| match state.row(i) {
            Some(a) => row(a, view),
            None => ListItem::new(Span::styled("·", Style::default().fg(view.theme.dim))),
        })
        .collect();
    let list = List::new(items).highlight_style(
        Style::default()
            .bg(view.theme.selected_bg)
            .fg(view.theme.selected_fg),
    );
    let mut list_state = ListState::default().with_selected(Some(state.selected - first));
    frame.render_stateful_widget(list, rows, &mut list_state);
}

fn search_line<'a>(state: &'a AppState, view: &View, s: &'a Strings) -> Paragraph<'a> {
    let mut spans = vec![
        Span::styled(
            format!("{}: ", s.search),
            Style::default().fg(view.theme.title),
        ),
        Span::raw(state.search.query.as_str()),
    ];
    if state.search.editing {
        spans.push(Span::styled(
            "▏",
            Style::default().add_modifier(Modifier::SLOW_BLINK),
        ));
        spans.push(Span::styled(
            format!("  {}", s.search_hint),
            Style::default().fg(view.theme.dim),
        ));
    }
    Paragraph::new(Line::from(spans))
}

fn row<'a>(a: &'a Article, view: &View) -> ListItem<'a> {
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
    let date = a
        .published
        .map(|t| t.format("%d/%m").to_string())
        .unwrap_or_else(|| "     ".into());
    ListItem::new(Line::from(vec![
        Span::styled(format!("{mark} "), Style::default().fg(view.theme.title)),
        Span::styled(format!("{date} "), Style::default().fg(view.theme.dim)),
        Span::styled(a.title.as_str(), Style::default().fg(colour)),
    ]))
}
