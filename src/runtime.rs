//! The reader's event loop: terminal setup and restore, an input thread, a store thread, and
//! the one-way flow key → Command → `update` → effects → render.

use crate::app::{self, AppState, Command, Effect, Key, Keymap, Msg};
use crate::config::Config;
use crate::store::{ListFilter, Store};
use crate::ui::{self, Theme, View};
use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::sync::mpsc::{channel, Receiver, Sender};

enum Event {
    Key(Key),
    Resize,
    Msg(Msg),
}

/// What the store thread is asked to do.
enum StoreRequest {
    LoadList,
    Effect(Effect),
}

/// Runs the reader until the user quits. The store is already open (errors reported before the
/// terminal is touched). The terminal is restored on return and on panic.
pub fn run(store: Store, config: &Config, offline: bool) -> anyhow::Result<()> {
    let keymap = Keymap::from_table(&config.keys).map_err(anyhow::Error::msg)?;
    let theme = Theme::default();
    let view = View {
        theme: &theme,
        language: config.ui.language,
    };
    let (events_tx, events) = channel();
    let store_tx = spawn_store_thread(store, events_tx.clone());
    spawn_input_thread(events_tx);
    let _ = store_tx.send(StoreRequest::LoadList);

    let mut terminal = ratatui::init(); // installs a panic hook that restores the terminal
    let result = event_loop(&mut terminal, &events, &store_tx, &keymap, &view, offline);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    events: &Receiver<Event>,
    store_tx: &Sender<StoreRequest>,
    keymap: &Keymap,
    view: &View,
    offline: bool,
) -> anyhow::Result<()> {
    let mut state = AppState {
        offline,
        ..AppState::default()
    };
    let mut dirty = true;
    loop {
        if dirty {
            let size = terminal.size()?;
            let reader_height = ui::panes(size.into()).reader.height.saturating_sub(2);
            app::update(&mut state, Msg::Resized { reader_height });
            terminal.draw(|f| ui::render(f, &state, view))?;
            dirty = false;
        }
        let msg = match events.recv() {
            Ok(Event::Key(k)) => match keymap.command(k) {
                Some(c) => Msg::Command(c),
                None => continue,
            },
            Ok(Event::Resize) => {
                dirty = true;
                continue;
            }
            Ok(Event::Msg(m)) => m,
            Err(_) => return Ok(()),
        };
        for effect in app::update(&mut state, msg) {
            let _ = store_tx.send(StoreRequest::Effect(effect));
        }
        if state.quit {
            return Ok(());
        }
        dirty = true;
    }
}

fn spawn_store_thread(store: Store, events: Sender<Event>) -> Sender<StoreRequest> {
    let (tx, rx) = channel::<StoreRequest>();
    std::thread::spawn(move || {
        for request in rx {
            let reply = serve(&store, request);
            if let Some(msg) = reply {
                if events.send(Event::Msg(msg)).is_err() {
                    break;
                }
            }
        }
    });
    tx
}

fn serve(store: &Store, request: StoreRequest) -> Option<Msg> {
    let result = match request {
        StoreRequest::LoadList => store
            .list(&ListFilter::default())
            .map(|l| Some(Msg::ListLoaded(l))),
        StoreRequest::Effect(Effect::LoadArticle { request, id }) => store.article(id).map(|a| {
            Some(Msg::ArticleLoaded {
                request,
                article: a.map(Box::new),
            })
        }),
        StoreRequest::Effect(Effect::SetRead { id, read }) => {
            store.set_read(id, read).map(|_| None)
        }
        StoreRequest::Effect(Effect::SetStarred { id, starred }) => {
            store.set_starred(id, starred).map(|_| None)
        }
    };
    result.unwrap_or_else(|e| Some(Msg::Error(e.to_string())))
}

fn spawn_input_thread(events: Sender<Event>) {
    std::thread::spawn(move || loop {
        let event = match crossterm::event::read() {
            Ok(TermEvent::Key(k)) if is_ctrl_c(&k) => Event::Msg(Msg::Command(Command::Quit)),
            Ok(TermEvent::Key(k)) if k.kind != KeyEventKind::Release => match key_from(k) {
                Some(key) => Event::Key(key),
                None => continue,
            },
            Ok(TermEvent::Resize(..)) => Event::Resize,
            Ok(_) => continue,
            Err(_) => break,
        };
        if events.send(event).is_err() {
            break;
        }
    });
}

/// Ctrl-C always quits, whatever the keymap says (raw mode turns off SIGINT).
fn is_ctrl_c(k: &KeyEvent) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('c')
}

fn key_from(k: KeyEvent) -> Option<Key> {
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        return None;
    }
    Some(match k.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        _ => return None,
    })
}
