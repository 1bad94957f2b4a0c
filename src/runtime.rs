//! The reader's event loop: terminal setup and restore, an input thread, a store thread, a
//! background sync thread on demand, and the one-way flow key → Command → `update` → effects →
//! render. The loop itself only waits on its channel: never on the network or a query.
//!
//! - [`store_thread`]: the reader's store connection; answers requests as `Msg`s.
//! - [`outside`]: the background sync, `$BROWSER`, and the clipboard (OSC 52).

mod outside;
mod store_thread;

use crate::app::{self, AppState, Command, Effect, Key, Keymap, Msg};
use crate::config::Config;
use crate::store::Store;
use crate::ui::{self, Theme, View};
use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::sync::mpsc::{channel, Receiver, Sender};
use store_thread::StoreRequest;

pub(crate) enum Event {
    Key(Key),
    Resize,
    Msg(Msg),
}

/// What the loop needs besides the state.
struct Context<'a> {
    events_tx: Sender<Event>,
    store_tx: Sender<StoreRequest>,
    keymap: &'a Keymap,
    view: View<'a>,
    config: &'a Config,
    data_dir: std::path::PathBuf,
    offline: bool,
}

/// Runs the reader until the user quits. The store is already open (errors reported before the
/// terminal is touched). The terminal is restored on return and on panic.
pub fn run(store: Store, config: &Config, offline: bool) -> anyhow::Result<()> {
    let keymap = Keymap::from_table(&config.keys).map_err(anyhow::Error::msg)?;
    let theme = Theme::default();
    let data_dir = store
        .path()
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    let (events_tx, events) = channel();
    let store_tx = store_thread::spawn(store, events_tx.clone());
    spawn_input_thread(events_tx.clone());
    let _ = store_tx.send(StoreRequest::Start);
    // Online, the reader syncs in the background right away; it never waits for it.
    if !offline && config.sync.on_start && !config.sources.is_empty() {
        let _ = events_tx.send(Event::Msg(Msg::Command(Command::SyncNow)));
    }
    let cx = Context {
        events_tx,
        store_tx,
        keymap: &keymap,
        view: View {
            theme: &theme,
            language: config.ui.language,
            keymap: &keymap,
        },
        config,
        data_dir,
        offline,
    };
    let mut terminal = ratatui::init(); // installs a panic hook that restores the terminal
    let result = event_loop(&mut terminal, &events, &cx);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    events: &Receiver<Event>,
    cx: &Context,
) -> anyhow::Result<()> {
    let mut state = AppState {
        offline: cx.offline,
        ..AppState::default()
    };
    let mut dirty = true;
    loop {
        if dirty {
            let area = terminal.size()?.into();
            let (reader_width, reader_height) = ui::reader_viewport(area, &state, &cx.view);
            app::update(
                &mut state,
                Msg::Resized {
                    reader_width,
                    reader_height,
                },
            );
            terminal.draw(|f| ui::render(f, &state, &cx.view))?;
            // For the test that a panic restores the terminal: there is no other way to make
            // a correct reader panic on demand.
            if std::env::var_os("TINTUC_TEST_PANIC").is_some() {
                panic!("panic requested by TINTUC_TEST_PANIC");
            }
            dirty = false;
        }
        let msg = match events.recv() {
            Ok(Event::Key(k)) if state.takes_text() => Msg::Input(k),
            Ok(Event::Key(k)) => match cx.keymap.command(k) {
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
            perform(effect, cx, terminal);
        }
        if state.quit {
            return Ok(());
        }
        dirty = true;
    }
}

/// Hands an effect to whoever does it; none of them blocks the loop.
fn perform(effect: Effect, cx: &Context, terminal: &mut ratatui::DefaultTerminal) {
    match effect {
        Effect::SyncNow => outside::spawn_sync(
            cx.config.clone(),
            cx.data_dir.clone(),
            cx.offline,
            cx.events_tx.clone(),
        ),
        Effect::OpenUrl(url) => {
            if let Err(e) = outside::open_in_browser(&url) {
                let _ = cx.events_tx.send(Event::Msg(Msg::Error(e)));
            }
        }
        Effect::CopyUrl(url) => outside::copy_osc52(terminal.backend_mut(), &url),
        other => {
            let _ = cx.store_tx.send(StoreRequest::Effect(other));
        }
    }
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
