//! Drives the interactive screen without a terminal: the real app and the
//! real shell (session store in a temporary directory), keys written in a
//! small notation, frames drawn on ratatui's `TestBackend`.
#![allow(dead_code, clippy::unwrap_used)]

pub mod fixture;

use std::collections::BTreeMap;
use std::path::PathBuf;

use nunki::engine::Answer;
use nunki::knowledge::{Knowledge, KnowledgeTexts, SourceText};
use nunki::session::store::{NewSession, Store};
use nunki::session::{Customer, Session};
use nunki::tui::persist::{DiskStore, SessionStore};
use nunki::tui::run::{Flow, Shell};
use nunki::tui::theme::ThemeKind;
use nunki::tui::{App, Config, Msg, TemplateInfo};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

pub fn fixture_texts() -> KnowledgeTexts {
    let t = |name: &str, text: &str| SourceText {
        origin: format!("fixture {name}"),
        text: text.to_string(),
    };
    KnowledgeTexts {
        catalog: t("catalog.ron", fixture::CATALOG),
        questionnaire: t("questionnaire.ron", fixture::QUESTIONNAIRE),
        rules: t("rules.ron", fixture::RULES),
        tech_radar: t("tech_radar.ron", fixture::TECH_RADAR),
    }
}

pub fn fixture() -> Knowledge {
    Knowledge::from_texts(&fixture_texts())
        .unwrap_or_else(|e| panic!("the test fixture is invalid:\n{e}"))
}

/// Writes the fixture knowledge as files, for `--catalog DIR`.
pub fn write_fixture(dir: &std::path::Path) {
    for (name, text) in [
        ("catalog.ron", fixture::CATALOG),
        ("questionnaire.ron", fixture::QUESTIONNAIRE),
        ("rules.ron", fixture::RULES),
        ("tech_radar.ron", fixture::TECH_RADAR),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

pub struct Harness {
    pub app: App,
    pub shell: Shell<DiskStore>,
    pub dir: tempfile::TempDir,
    pub terminal: Terminal<TestBackend>,
    pub knowledge: Knowledge,
    pub quit: bool,
}

impl Harness {
    pub fn new(width: u16, height: u16) -> Harness {
        Harness::with(fixture(), ThemeKind::Default, width, height)
    }

    pub fn with(knowledge: Knowledge, theme: ThemeKind, width: u16, height: u16) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let sessions = dir.path().join("sessions");
        let store = DiskStore::new(Store::at(&sessions), knowledge.clone(), Vec::new());
        let exports = dir.path().join("exports");
        std::fs::create_dir_all(&exports).unwrap();
        let shell = Shell::new(store, exports);
        let templates = vec![TemplateInfo {
            id: "web_shop".into(),
            name: "Web shop".into(),
            description: "A shop on the shared platform".into(),
        }];
        let app = App::new(
            knowledge.clone(),
            templates,
            Config {
                theme,
                tz: jiff::tz::TimeZone::UTC,
            },
        );
        let mut h = Harness {
            app,
            shell,
            dir,
            terminal: Terminal::new(TestBackend::new(width, height)).unwrap(),
            knowledge,
            quit: false,
        };
        h.send(Msg::Resize(width, height));
        h
    }

    pub fn sessions_dir(&self) -> PathBuf {
        self.dir.path().join("sessions")
    }

    pub fn exports_dir(&self) -> PathBuf {
        self.dir.path().join("exports")
    }

    /// A saved session with fixed dates, as if made days ago.
    pub fn seed(&self, customer: &str, when: &str, answers: &[(&str, Answer)]) -> Session {
        let now: jiff::Timestamp = when.parse().unwrap();
        let new = NewSession {
            customer: Customer {
                name: customer.into(),
                contact: None,
            },
            template: None,
            answers: answers
                .iter()
                .map(|(q, a)| (q.to_string(), a.clone()))
                .collect::<BTreeMap<_, _>>(),
            answers_origin: "the test".into(),
            engineer: None,
            lang: nunki::i18n::Lang::En,
        };
        let opened = Store::at(self.sessions_dir())
            .create_at(new, &self.knowledge, now)
            .unwrap();
        opened.session.clone()
    }

    /// Lists the sessions, as the home screen does at start.
    pub fn home(&mut self) {
        let list = self.shell.store.list().map_err(|e| e.to_string());
        self.send(Msg::Sessions(list));
    }

    /// Opens a session by id through the store, as `nunki SESSION` does.
    pub fn open(&mut self, id: &str) {
        let opened = self
            .shell
            .store
            .open(id)
            .map(Box::new)
            .map_err(|e| e.to_string());
        self.send(Msg::Opened(opened));
    }

    pub fn send(&mut self, msg: Msg) {
        let actions = self.app.update(msg);
        if self.shell.run(&mut self.app, actions) == Flow::Quit {
            self.quit = true;
        }
        self.shell.flush(&mut self.app);
    }

    pub fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.send(Msg::Key(KeyEvent::new(code, modifiers)));
    }

    /// Types keys in a small notation: plain characters are typed as they
    /// are (spaces too); `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<Up>`,
    /// `<Down>`, `<Left>`, `<Right>`, `<PgUp>`, `<PgDn>`, `<Del>`, `<BS>`,
    /// `<Home>`, `<End>` and `<C-x>` (Ctrl) are keys.
    pub fn keys(&mut self, notation: &str) {
        let mut rest = notation;
        while let Some(c) = rest.chars().next() {
            if c == '<'
                && let Some(end) = rest.find('>')
            {
                let name = &rest[1..end];
                rest = &rest[end + 1..];
                let (code, modifiers) = match name {
                    "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
                    "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
                    "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
                    "S-Tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                    "Up" => (KeyCode::Up, KeyModifiers::NONE),
                    "Down" => (KeyCode::Down, KeyModifiers::NONE),
                    "Left" => (KeyCode::Left, KeyModifiers::NONE),
                    "Right" => (KeyCode::Right, KeyModifiers::NONE),
                    "PgUp" => (KeyCode::PageUp, KeyModifiers::NONE),
                    "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
                    "Del" => (KeyCode::Delete, KeyModifiers::NONE),
                    "BS" => (KeyCode::Backspace, KeyModifiers::NONE),
                    "Home" => (KeyCode::Home, KeyModifiers::NONE),
                    "End" => (KeyCode::End, KeyModifiers::NONE),
                    "lt" => (KeyCode::Char('<'), KeyModifiers::NONE),
                    ctrl if ctrl.starts_with("C-") => {
                        let c = ctrl[2..].chars().next().unwrap();
                        (KeyCode::Char(c), KeyModifiers::CONTROL)
                    }
                    other => panic!("unknown key <{other}>"),
                };
                self.key(code, modifiers);
            } else {
                rest = &rest[c.len_utf8()..];
                let modifiers = if c.is_ascii_uppercase() {
                    KeyModifiers::SHIFT
                } else {
                    KeyModifiers::NONE
                };
                self.key(KeyCode::Char(c), modifiers);
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.send(Msg::Paste(text.into()));
    }

    pub fn mouse(&mut self, kind: MouseEventKind, column: u16, row: u16) {
        self.send(Msg::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }));
    }

    pub fn click(&mut self, column: u16, row: u16) {
        self.mouse(MouseEventKind::Down(MouseButton::Left), column, row);
    }

    /// Draws the current state and returns the backend for a snapshot.
    pub fn draw(&mut self) -> &TestBackend {
        let app = &self.app;
        self.terminal
            .draw(|f| nunki::tui::view::draw(f, app))
            .unwrap();
        self.terminal.backend()
    }

    /// The screen as text, one line per row.
    pub fn screen(&mut self) -> String {
        let backend = self.draw();
        let buffer = backend.buffer();
        let area = buffer.area;
        let mut out = String::new();
        for y in 0..area.height {
            for x in 0..area.width {
                out.push_str(buffer[(x, y)].symbol());
            }
            out.push('\n');
        }
        out
    }

    /// Position (column, row) of the first cell where `text` starts.
    pub fn find(&mut self, text: &str) -> Option<(u16, u16)> {
        let screen = self.screen();
        for (row, line) in screen.lines().enumerate() {
            if let Some(byte) = line.find(text) {
                let column = line[..byte].chars().count();
                return Some((column as u16, row as u16));
            }
        }
        None
    }

    /// The open session as the app holds it.
    pub fn session(&self) -> &Session {
        &self.app.open.as_ref().expect("a session is open").session
    }

    /// The open session as saved on disk.
    pub fn saved(&self) -> Session {
        let id = self.session().id.clone();
        let path = Store::at(self.sessions_dir()).resolve(&id).unwrap();
        nunki::session::store::load(&path).unwrap()
    }

    pub fn scope(&self) -> &nunki::engine::Scope {
        self.app.scope().expect("a session is open")
    }

    pub fn flag_rules(&self) -> Vec<String> {
        self.scope().flags.iter().map(|f| f.rule.clone()).collect()
    }

    pub fn item_ids(&self) -> Vec<String> {
        self.scope()
            .items
            .iter()
            .map(|i| i.offering.clone())
            .collect()
    }

    /// The notice shown now, or "" with none.
    pub fn notice(&self) -> String {
        self.app
            .notice
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default()
    }

    /// Moves the catalog's cursor down to the offering `id`, by keys.
    pub fn catalog_to(&mut self, id: &str) {
        while self.knowledge.catalog.offerings
            [self.app.catalog_order[self.app.open.as_ref().unwrap().catalog.cursor]]
            .id
            != id
        {
            self.keys("j");
        }
    }

    pub fn current_question(&self) -> String {
        self.app
            .open
            .as_ref()
            .expect("a session is open")
            .interview
            .question
            .clone()
    }

    /// Starts a new session from the home screen, by keys.
    pub fn new_session(&mut self, customer: &str) {
        self.home();
        self.keys("n");
        self.keys(customer);
        self.keys("<Enter>");
        assert!(
            self.app.open.is_some(),
            "the session did not open: {:?}",
            self.app.notice
        );
    }
}
