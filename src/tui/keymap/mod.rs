//! The one command table. Every key the screen understands is a row here
//! (command, keys, one-line doc, where it applies, hint word), and the
//! same table answers "which command is this key?", draws the help box
//! and the hint bar, and prints the key map for the README
//! (`keymap::markdown()`). Help cannot drift from the real keys.
//!
//! The table holds the defaults; a [`Keymap`] is the table with the
//! user's `keymap.ron` patched on top (command name → keys), and the app
//! asks it, so help and hints show the user's keys.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::knowledge::diagnostic::{id_anchor, locate};
use crate::knowledge::{Diagnostic, SourceText, parse_ron};

/// Everything a key can ask for. What a command does depends on the
/// screen; the table's doc says it for each place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Quit,
    Help,
    Back,
    NextPane,
    PrevPane,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Select,
    Toggle,
    Search,
    Filter,
    NewSession,
    GoInterview,
    GoCatalog,
    GoPreview,
    NextQuestion,
    PrevQuestion,
    NextOpen,
    ClearAnswer,
    Yes,
    No,
    Why,
    Add,
    Remove,
    Reset,
    Audience,
    Export,
    Options,
    Compare,
    Insights,
    Reload,
    Status,
    Decide,
    Resolve,
    Sync,
}

impl Command {
    /// Every command, as `keymap.ron` names it.
    pub const NAMES: [(Command, &'static str); 41] = [
        (Command::Quit, "quit"),
        (Command::Help, "help"),
        (Command::Back, "back"),
        (Command::NextPane, "next_pane"),
        (Command::PrevPane, "prev_pane"),
        (Command::Up, "up"),
        (Command::Down, "down"),
        (Command::Left, "left"),
        (Command::Right, "right"),
        (Command::PageUp, "page_up"),
        (Command::PageDown, "page_down"),
        (Command::Top, "top"),
        (Command::Bottom, "bottom"),
        (Command::Select, "select"),
        (Command::Toggle, "toggle"),
        (Command::Search, "search"),
        (Command::Filter, "filter"),
        (Command::NewSession, "new_session"),
        (Command::GoInterview, "go_interview"),
        (Command::GoCatalog, "go_catalog"),
        (Command::GoPreview, "go_preview"),
        (Command::NextQuestion, "next_question"),
        (Command::PrevQuestion, "prev_question"),
        (Command::NextOpen, "next_open"),
        (Command::ClearAnswer, "clear_answer"),
        (Command::Yes, "yes"),
        (Command::No, "no"),
        (Command::Why, "why"),
        (Command::Add, "add"),
        (Command::Remove, "remove"),
        (Command::Reset, "reset"),
        (Command::Audience, "audience"),
        (Command::Export, "export"),
        (Command::Options, "options"),
        (Command::Compare, "compare"),
        (Command::Insights, "insights"),
        (Command::Reload, "reload"),
        (Command::Status, "status"),
        (Command::Decide, "decide"),
        (Command::Resolve, "resolve"),
        (Command::Sync, "sync"),
    ];

    pub fn name(self) -> &'static str {
        Command::NAMES
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("?", |(_, n)| n)
    }

    pub fn parse(name: &str) -> Option<Command> {
        Command::NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(c, _)| *c)
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Every screen and the read-only boxes (help, trace), but not where
    /// one types (search, dialogs).
    Global,
    Home,
    Interview,
    Catalog,
    Preview,
    Search,
    Dialog,
    Help,
    Trace,
    /// The box to choose what is edited: Base or an option.
    Options,
    Compare,
    Insights,
}

impl Context {
    /// Contexts where one types: only their own bindings apply there.
    fn is_modal(self) -> bool {
        matches!(self, Context::Search | Context::Dialog)
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Home => "Sessions",
            Context::Interview => "Interview",
            Context::Catalog => "Catalog",
            Context::Preview => "Proposal preview",
            Context::Search => "Search",
            Context::Dialog => "Dialogs",
            Context::Help => "Help",
            Context::Trace => "Why (trace)",
            Context::Options => "Options box",
            Context::Compare => "Options compared",
            Context::Insights => "Insights",
        }
    }
}

/// A key with the modifiers that matter (Shift is part of the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// The key of an event, with Shift folded into the character: a
    /// terminal sends 'G' with or without SHIFT depending on its protocol.
    pub fn of(event: &KeyEvent) -> Key {
        let code = match event.code {
            KeyCode::Char(c) if event.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        Key {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// A key as `keymap.ron` writes it: one character (`"/"`, `"G"`), a
    /// name (`"enter"`, `"pagedown"`, `"f2"`…), or `ctrl-`/`alt-` and one
    /// of those (`"ctrl-f"`). Names are case-blind; characters are not.
    pub fn parse(text: &str) -> Option<Key> {
        let lower = text.to_ascii_lowercase();
        let (ctrl, alt, rest) = if lower.starts_with("ctrl-") && text.len() > 5 {
            (true, false, &text[5..])
        } else if lower.starts_with("alt-") && text.len() > 4 {
            (false, true, &text[4..])
        } else {
            (false, false, text)
        };
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            // Ctrl folds case as `Key::of` does.
            (Some(c), None) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "shift-tab" | "backtab" => KeyCode::BackTab,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "delete" | "del" => KeyCode::Delete,
                "backspace" => KeyCode::Backspace,
                f => match f.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n @ 1..=24) => KeyCode::F(n),
                    _ => return None,
                },
            },
        };
        Some(Key { code, ctrl, alt })
    }

    /// How the key is written in help and hints.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("Ctrl-{base}"),
            (false, true) => format!("Alt-{base}"),
            _ => base,
        }
    }
}

pub struct Binding {
    pub command: Command,
    pub keys: &'static [Key],
    pub doc: &'static str,
    pub contexts: &'static [Context],
    /// The word in the hint bar; only the most used commands have one.
    pub hint: Option<&'static str>,
}

impl Binding {
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

use Command as C;
use Context as X;
use KeyCode as K;

mod bindings;

pub use bindings::BINDINGS;

/// The table's keys with the user's patch on top. The app holds one;
/// lookup, help and hints all ask it, so they show the same keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    /// The keys of `BINDINGS[i]`.
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            keys: BINDINGS.iter().map(|b| b.keys.to_vec()).collect(),
        }
    }
}

static DEFAULTS: LazyLock<Keymap> = LazyLock::new(Keymap::default);

impl Keymap {
    /// The defaults patched with a `keymap.ron`: a map from command names
    /// to lists of keys. Every problem is reported, each with its place.
    pub fn from_ron(source: &SourceText) -> Result<Keymap, Vec<Diagnostic>> {
        let patch: BTreeMap<String, Vec<String>> =
            parse_ron(source).map_err(|d| vec![d.with_help(KEYMAP_HELP)])?;
        let mut keymap = Keymap::default();
        let mut problems = Vec::new();
        let at = |anchors: &[&str], message: String, help: String| {
            Diagnostic::at(
                &source.origin,
                &source.text,
                locate(&source.text, anchors),
                message,
            )
            .with_help(help)
        };
        for (name, keys) in &patch {
            let name_at = id_anchor(name);
            let Some(command) = Command::parse(name) else {
                let names: Vec<&str> = Command::NAMES.iter().map(|(_, n)| *n).collect();
                problems.push(at(
                    &[&name_at],
                    format!("unknown command \"{name}\""),
                    format!("the commands are: {}", names.join(", ")),
                ));
                continue;
            };
            if keys.is_empty() {
                problems.push(at(
                    &[&name_at],
                    format!("\"{name}\" has no keys"),
                    "give at least one key, or leave the command out to keep its defaults".into(),
                ));
                continue;
            }
            let mut parsed = Vec::new();
            for k in keys {
                match Key::parse(k) {
                    Some(key) => parsed.push(key),
                    None => problems.push(at(
                        &[&name_at, &id_anchor(k)],
                        format!("\"{k}\" is not a key nunki knows"),
                        KEY_HELP.into(),
                    )),
                }
            }
            keymap.patch(command, &parsed);
        }
        if problems.is_empty() {
            Ok(keymap)
        } else {
            Err(problems)
        }
    }

    /// Gives `command` these keys wherever the table binds it. Where one
    /// types (search, dialogs) letters stay text: there the command keeps
    /// only the keys that are not letters, or its defaults if none is.
    pub fn patch(&mut self, command: Command, keys: &[Key]) {
        for (b, own) in BINDINGS.iter().zip(self.keys.iter_mut()) {
            if b.command != command {
                continue;
            }
            let typing = b.contexts.iter().any(|c| c.is_modal());
            let usable: Vec<Key> = keys
                .iter()
                .filter(|k| !(typing && typed(k)))
                .copied()
                .collect();
            *own = if usable.is_empty() {
                b.keys.to_vec()
            } else {
                usable
            };
        }
    }

    /// The bindings that apply in `context`, with their keys, in table
    /// order: its own, then the global ones unless one types there.
    fn bindings(&self, context: Context) -> impl Iterator<Item = (&'static Binding, &[Key])> + '_ {
        let rows = BINDINGS.iter().zip(self.keys.iter().map(Vec::as_slice));
        let own = rows
            .clone()
            .filter(move |(b, _)| b.contexts.contains(&context));
        let global = rows.filter(move |(b, _)| {
            !context.is_modal() && context != X::Global && b.contexts.contains(&X::Global)
        });
        own.chain(global)
    }

    /// The command a key asks for in `context`, if any.
    pub fn lookup(&self, context: Context, event: &KeyEvent) -> Option<Command> {
        let key = Key::of(event);
        self.bindings(context)
            .find(|(_, keys)| keys.contains(&key))
            .map(|(b, _)| b.command)
    }

    /// One row per command of a context for the help box: keys and doc,
    /// with keys a context-specific binding already took left out of
    /// later rows.
    pub fn help_rows(&self, context: Context) -> Vec<(String, &'static str)> {
        let mut taken: Vec<Key> = Vec::new();
        let mut rows = Vec::new();
        for (b, keys) in self.bindings(context) {
            let keys: Vec<Key> = keys
                .iter()
                .filter(|k| !taken.contains(k))
                .copied()
                .collect();
            if keys.is_empty() {
                continue;
            }
            taken.extend(keys.iter().copied());
            let label = keys.iter().map(Key::label).collect::<Vec<_>>().join(" ");
            rows.push((label, b.doc));
        }
        rows
    }

    /// The hint bar of a context: (key, word) pairs, most specific first.
    /// While `typing` in a text field, letters are text, so only commands
    /// with another key (Ctrl-P for search) are hinted, with that key.
    pub fn hints(&self, context: Context, typing: bool) -> Vec<(String, &'static str)> {
        let mut taken: Vec<Key> = Vec::new();
        let mut out = Vec::new();
        for (b, keys) in self.bindings(context) {
            let Some(first) = keys
                .iter()
                .find(|k| !(taken.contains(k) || (typing && typed(k))))
            else {
                continue;
            };
            taken.extend(keys.iter().copied());
            if let Some(word) = b.hint
                && !out.iter().any(|(_, w)| *w == word)
            {
                out.push((first.label(), word));
            }
        }
        out
    }
}

/// What a `keymap.ron` looks like, for its error messages.
const KEYMAP_HELP: &str = "keymap.ron maps command names to lists of keys, e.g. { \"search\": [\"/\", \"ctrl-f\"], \"quit\": [\"q\"] }; see assets/keymap.example.ron";

const KEY_HELP: &str = "write one character (\"/\", \"G\"), a key name (space, enter, esc, tab, shift-tab, up, down, left, right, pageup, pagedown, home, end, delete, backspace, f1…f24), or ctrl- or alt- before one (\"ctrl-f\")";

/// The command a key asks for in `context` with the default keys.
pub fn lookup(context: Context, event: &KeyEvent) -> Option<Command> {
    DEFAULTS.lookup(context, event)
}

/// The help rows of a context with the default keys.
pub fn help_rows(context: Context) -> Vec<(String, &'static str)> {
    DEFAULTS.help_rows(context)
}

/// Whether a text field takes this key as a character.
fn typed(key: &Key) -> bool {
    matches!(key.code, KeyCode::Char(_)) && !key.ctrl && !key.alt
}

/// The hint bar of a context with the default keys.
pub fn hints(context: Context, typing: bool) -> Vec<(String, &'static str)> {
    DEFAULTS.hints(context, typing)
}

/// How the Tech Radar field completes names; its keys are the field's own
/// (they mean something else elsewhere), so help says it in words.
pub const RADAR_FIELD: &str = "In a Tech Radar field (the technologies question), names from the radar are suggested under the field, with their ring, as you type: `Tab` puts the first (or the highlighted) one in, `↓` `↑` highlight one and `Enter` puts it in, `Esc` hides them and leaves the field. Any other name can still be typed. The names are checked against the radar when the answer is entered (`Enter`, or leaving the field), not while one is half typed.";

/// Every context, in the order the key map lists them.
pub const ALL: [Context; 12] = [
    X::Global,
    X::Home,
    X::Insights,
    X::Interview,
    X::Options,
    X::Compare,
    X::Catalog,
    X::Preview,
    X::Search,
    X::Dialog,
    X::Trace,
    X::Help,
];

/// The key map as Markdown: the README's "Key map" section from its
/// first table to the mouse line (a test holds the two together).
pub fn markdown() -> String {
    let mut out = String::new();
    for context in ALL {
        out.push_str(&format!(
            "#### {}\n\n| Keys | What it does |\n|---|---|\n",
            context.title()
        ));
        for b in BINDINGS.iter().filter(|b| b.contexts.contains(&context)) {
            out.push_str(&format!(
                "| `{}` | {} |\n",
                b.keys_label().replace('|', "\\|"),
                b.doc
            ));
        }
        out.push('\n');
    }
    out.push_str(RADAR_FIELD);
    out.push_str("\n\nMouse: click selects (and focuses the pane), the wheel scrolls the pane under the pointer.\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn context_bindings_shadow_global_ones() {
        let n = ev(K::Char('n'), KeyModifiers::NONE);
        assert_eq!(lookup(X::Home, &n), Some(C::NewSession));
        assert_eq!(lookup(X::Interview, &n), Some(C::No));
        let q = ev(K::Char('q'), KeyModifiers::NONE);
        assert_eq!(lookup(X::Catalog, &q), Some(C::Quit));
        // Where one types, q is a letter, but Ctrl-C still quits.
        assert_eq!(lookup(X::Search, &q), None);
        assert_eq!(
            lookup(X::Dialog, &ev(K::Char('c'), KeyModifiers::CONTROL)),
            Some(C::Quit)
        );
        assert_eq!(
            lookup(X::Interview, &ev(K::Char('P'), KeyModifiers::CONTROL)),
            Some(C::Search)
        );
        assert_eq!(
            lookup(X::Interview, &ev(K::Char('G'), KeyModifiers::SHIFT)),
            Some(C::Bottom)
        );
        assert_eq!(
            lookup(X::Interview, &ev(K::BackTab, KeyModifiers::SHIFT)),
            Some(C::PrevPane)
        );
    }

    #[test]
    fn no_key_is_bound_twice_within_one_context_table() {
        for context in ALL {
            let mut seen: Vec<Key> = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.contexts.contains(&context)) {
                for k in b.keys {
                    assert!(
                        !seen.contains(k),
                        "{} is bound twice in {context:?}",
                        k.label()
                    );
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn help_and_hints_come_from_the_table() {
        let rows = help_rows(X::Interview);
        assert!(
            rows.iter()
                .any(|(k, d)| k == "Ctrl-N" && d.contains("unanswered"))
        );
        // `n` means "no" in the interview; the global row does not repeat it.
        assert_eq!(
            rows.iter()
                .filter(|(k, _)| k.split(' ').any(|k| k == "n"))
                .count(),
            1
        );
        let hints = hints(X::Home, false);
        assert_eq!(hints[0], ("Enter".to_string(), "open"));
        let typing = super::hints(X::Interview, true);
        assert!(
            typing.contains(&("Ctrl-P".to_string(), "search")),
            "{typing:?}"
        );
        assert!(
            !typing.iter().any(|(k, _)| k == "q" || k == "c"),
            "{typing:?}"
        );
        assert!(markdown().contains("| `Ctrl-N` | go to the next unanswered question |"));
    }

    #[test]
    fn options_compare_and_insights_have_keys_help_and_hints() {
        let o = ev(K::Char('o'), KeyModifiers::NONE);
        let v = ev(K::Char('v'), KeyModifiers::NONE);
        for context in [X::Interview, X::Catalog, X::Preview, X::Compare] {
            assert_eq!(lookup(context, &o), Some(C::Options), "{context:?}");
        }
        assert_eq!(lookup(X::Interview, &v), Some(C::Compare));
        assert_eq!(lookup(X::Options, &v), Some(C::Compare));
        // In the box, o closes it again.
        assert_eq!(lookup(X::Options, &o), Some(C::Back));
        assert_eq!(
            lookup(X::Home, &ev(K::Char('i'), KeyModifiers::NONE)),
            Some(C::Insights)
        );
        assert!(hints(X::Interview, false).contains(&("o".to_string(), "options")));
        assert!(hints(X::Interview, false).contains(&("v".to_string(), "compare")));
        assert!(hints(X::Home, false).contains(&("i".to_string(), "insights")));
        assert!(
            help_rows(X::Compare)
                .iter()
                .any(|(k, d)| k == "Enter" && d.contains("edit"))
        );
        let md = markdown();
        for heading in ["### Options box", "### Options compared", "### Insights"] {
            assert!(md.contains(heading), "{heading}");
        }
        assert!(md.contains("Tech Radar field"));
    }
}

#[cfg(test)]
mod user_keymap_tests {
    use super::*;

    fn source(text: &str) -> SourceText {
        SourceText {
            origin: "/home/me/.config/nunki/keymap.ron".into(),
            text: text.into(),
        }
    }

    fn press(c: char, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), modifiers)
    }

    /// The README's key map is this table: regenerate it with
    /// `markdown()` when a binding changes.
    #[test]
    fn the_readme_key_map_is_the_command_table() {
        let readme = include_str!("../../../README.md");
        let want = markdown();
        let first = want.lines().next().unwrap_or_default();
        let last = want.lines().last().unwrap_or_default();
        let start = readme
            .find(first)
            .unwrap_or_else(|| panic!("README.md has no `{first}`"));
        let end = readme[start..]
            .find(last)
            .map(|i| start + i + last.len() + 1)
            .unwrap_or_else(|| panic!("README.md has no `{last}` after `{first}`"));
        let have = &readme[start..end.min(readme.len())];
        if have != want {
            let (n, (h, w)) = have
                .lines()
                .chain(std::iter::repeat(""))
                .zip(want.lines().chain(std::iter::repeat("")))
                .enumerate()
                .find(|(_, (h, w))| h != w)
                .unwrap_or((0, ("", "")));
            panic!(
                "README.md's key map differs from the command table (src/tui/keymap.rs) at its line {}:\n  README: {h}\n  table:  {w}\nReplace the section from `{first}` to the mouse line with:\n\n{want}",
                n + 1
            );
        }
    }

    #[test]
    fn every_command_has_a_name_and_the_names_are_unique() {
        for b in BINDINGS {
            assert_eq!(Command::parse(b.command.name()), Some(b.command));
        }
        let mut names: Vec<&str> = Command::NAMES.iter().map(|(_, n)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Command::NAMES.len());
    }

    #[test]
    fn keys_are_read_as_written() {
        assert_eq!(Key::parse("/"), Some(Key::ch('/')));
        assert_eq!(Key::parse("G"), Some(Key::ch('G')));
        assert_eq!(Key::parse("ctrl-F"), Some(Key::ctrl('f')));
        assert_eq!(Key::parse("Ctrl-f"), Some(Key::ctrl('f')));
        assert_eq!(Key::parse("PageDown"), Some(Key::plain(K::PageDown)));
        assert_eq!(Key::parse("shift-tab"), Some(Key::plain(K::BackTab)));
        assert_eq!(Key::parse("space"), Some(Key::ch(' ')));
        assert_eq!(Key::parse("f3"), Some(Key::plain(K::F(3))));
        assert_eq!(Key::parse("-"), Some(Key::ch('-')));
        for bad in ["", "ctrl-", "f0", "f99", "hyper-x", "enterr", "ctrl-xy"] {
            assert_eq!(Key::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_shipped_example_parses_and_patches_the_defaults() {
        let text = include_str!("../../../assets/keymap.example.ron");
        let keymap = Keymap::from_ron(&source(text)).expect("the example is valid");
        assert_ne!(keymap, Keymap::default(), "the example changes something");
        let ctrl_f = press('f', KeyModifiers::CONTROL);
        assert_eq!(keymap.lookup(X::Interview, &ctrl_f), Some(C::Search));
        assert_eq!(Keymap::default().lookup(X::Interview, &ctrl_f), None);
        let f3 = KeyEvent::new(K::F(3), KeyModifiers::NONE);
        assert_eq!(keymap.lookup(X::Interview, &f3), Some(C::NextOpen));
        // What it leaves out keeps its keys.
        let q = press('q', KeyModifiers::NONE);
        assert_eq!(keymap.lookup(X::Catalog, &q), Some(C::Quit));
    }

    #[test]
    fn help_and_hints_show_the_users_keys() {
        let keymap =
            Keymap::from_ron(&source(r#"{ "search": ["ctrl-f"], "quit": ["x"] }"#)).expect("valid");
        let slash = press('/', KeyModifiers::NONE);
        assert_eq!(keymap.lookup(X::Interview, &slash), None);
        assert_eq!(
            keymap.lookup(X::Preview, &press('x', KeyModifiers::NONE)),
            Some(C::Quit)
        );
        // In the interview x removes an item: its own binding wins, and
        // help does not claim x quits there.
        assert_eq!(
            keymap.lookup(X::Interview, &press('x', KeyModifiers::NONE)),
            Some(C::Remove)
        );
        let hints = keymap.hints(X::Preview, false);
        assert!(hints.contains(&("Ctrl-F".into(), "search")), "{hints:?}");
        assert!(hints.contains(&("x".into(), "quit")), "{hints:?}");
        let help = keymap.help_rows(X::Preview);
        assert!(
            help.iter()
                .any(|(k, d)| k == "Ctrl-F" && d.contains("search"))
        );
        assert!(!help.iter().any(|(k, _)| k.split(' ').any(|k| k == "/")));
        // Where one types, x is a letter: Ctrl-C still quits there.
        assert_eq!(
            keymap.lookup(X::Dialog, &press('x', KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            keymap.lookup(X::Dialog, &press('c', KeyModifiers::CONTROL)),
            Some(C::Quit)
        );
    }

    #[test]
    fn mistakes_are_named_with_file_line_and_column() {
        let text = "{\n    \"serch\": [\"/\"],\n    \"quit\": [\"q\", \"ctrl-qq\"],\n}\n";
        let problems = Keymap::from_ron(&source(text)).expect_err("a mistake");
        assert_eq!(problems.len(), 2, "{problems:?}");
        let all: String = problems.iter().map(ToString::to_string).collect();
        assert!(
            all.contains("keymap.ron:3:19: \"ctrl-qq\" is not a key nunki knows"),
            "{all}"
        );
        assert!(
            all.contains("keymap.ron:2:5: unknown command \"serch\""),
            "{all}"
        );
        assert!(all.contains("search"), "the help lists the commands: {all}");
        let broken = Keymap::from_ron(&source("{ \"quit\": [\"q\" }")).expect_err("a mistake");
        assert_eq!(broken.len(), 1);
        assert_eq!((broken[0].line, broken[0].column > 0), (1, true));
        assert!(broken[0].to_string().contains("keymap.ron:1:"));
        let empty = Keymap::from_ron(&source("{ \"quit\": [] }")).expect_err("a mistake");
        assert!(empty[0].message.contains("no keys"));
    }
}
