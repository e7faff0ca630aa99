//! The interactive screen in memory, for the keystroke bench: the real app
//! built from a knowledge and a session, keys fed to `App::update`, frames
//! drawn on ratatui's `TestBackend`. No store and no disk: the shell saves
//! after the frame is shown, so the `Save` a keystroke asks for is not part
//! of the keystroke and is dropped here.

use std::collections::BTreeMap;

use nunki::engine::Answer;
use nunki::knowledge::Knowledge;
use nunki::session::{Customer, Session};
use nunki::tui::persist::Opened;
use nunki::tui::theme::ThemeKind;
use nunki::tui::{Action, App, Config, Msg};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub struct Screen {
    pub app: App,
    pub terminal: Terminal<TestBackend>,
}

/// The app with a session of these answers open on the interview.
pub fn open(
    knowledge: Knowledge,
    answers: BTreeMap<String, Answer>,
    width: u16,
    height: u16,
) -> Screen {
    let now: jiff::Timestamp = "2026-01-05T09:00:00Z".parse().expect("a valid date");
    let customer = Customer {
        name: "Bench AG".into(),
        contact: None,
    };
    let mut session = Session::new("20260105-bench".into(), customer, now, &knowledge);
    session.answers = answers;
    let config = Config {
        theme: ThemeKind::Default,
        tz: jiff::tz::TimeZone::UTC,
    };
    let mut app = App::new(knowledge, Vec::new(), config);
    app.update(Msg::Resize(width, height));
    app.update(Msg::Opened(Ok(Box::new(Opened {
        session,
        notice: None,
        read_only: false,
    }))));
    Screen {
        app,
        terminal: Terminal::new(TestBackend::new(width, height)).expect("a test terminal"),
    }
}

impl Screen {
    pub fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) -> Vec<Action> {
        self.app.update(Msg::Key(KeyEvent::new(code, modifiers)))
    }

    /// Opens the search box (Ctrl-P works even in a text field), types
    /// `query` and goes to the best hit.
    pub fn go_to(&mut self, query: &str) {
        self.key(KeyCode::Char('p'), KeyModifiers::CONTROL);
        for c in query.chars() {
            self.key(KeyCode::Char(c), KeyModifiers::NONE);
        }
        self.key(KeyCode::Enter, KeyModifiers::NONE);
    }

    pub fn draw(&mut self) {
        let app = &self.app;
        self.terminal
            .draw(|f| nunki::tui::view::draw(f, app))
            .expect("the test backend draws");
    }

    pub fn answer(&self, question: &str) -> Option<&Answer> {
        self.app.open.as_ref()?.session.answers.get(question)
    }
}
