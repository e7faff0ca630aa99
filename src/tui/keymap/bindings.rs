//! The command table: every binding with its keys, its one-line doc, the
//! contexts it works in and its hint. Keys, help, hints and the README's
//! key map are all made from it.

use super::*;

const fn b(
    command: Command,
    keys: &'static [Key],
    doc: &'static str,
    contexts: &'static [Context],
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        command,
        keys,
        doc,
        contexts,
        hint,
    }
}

const SESSION: &[Context] = &[X::Interview, X::Catalog, X::Preview, X::Compare];
const LISTS: &[Context] = &[X::Global, X::Search, X::Dialog];
const PANES: &[Context] = &[X::Interview, X::Catalog];

/// The table. Order matters twice: the first binding of a key in a context
/// wins, and help lists bindings in this order.
pub static BINDINGS: &[Binding] = &[
    // Home
    b(
        C::Select,
        &[Key::plain(K::Enter)],
        "open the selected session",
        &[X::Home],
        Some("open"),
    ),
    b(
        C::NewSession,
        &[Key::ch('n')],
        "start a new session",
        &[X::Home],
        Some("new"),
    ),
    b(
        C::Filter,
        &[Key::ch('/')],
        "filter the sessions by customer (type, Enter to keep, Esc to clear)",
        &[X::Home],
        Some("filter"),
    ),
    b(
        C::Insights,
        &[Key::ch('i')],
        "insights: what customers ask for across all saved sessions",
        &[X::Home],
        Some("insights"),
    ),
    b(
        C::Sync,
        &[Key::ch('s')],
        "sync with the team (team folders: commit, fetch, merge, push)",
        &[X::Home],
        Some("sync"),
    ),
    // Interview
    b(
        C::Select,
        &[Key::plain(K::Enter)],
        "answer (choice under the cursor, typed value) and go to the next question; on a flag: go to its question; on an item: why",
        &[X::Interview],
        Some("answer"),
    ),
    b(
        C::Toggle,
        &[Key::ch(' ')],
        "choose or tick the option under the cursor; yes/no: switch",
        &[X::Interview],
        None,
    ),
    b(
        C::Yes,
        &[Key::ch('y')],
        "answer yes (yes/no questions)",
        &[X::Interview],
        None,
    ),
    b(
        C::No,
        &[Key::ch('n')],
        "answer no (yes/no questions)",
        &[X::Interview],
        None,
    ),
    b(
        C::NextOpen,
        &[Key::ctrl('n')],
        "go to the next unanswered question",
        &[X::Interview],
        Some("next open"),
    ),
    b(
        C::NextQuestion,
        &[Key::plain(K::PageDown)],
        "next question",
        &[X::Interview],
        None,
    ),
    b(
        C::PrevQuestion,
        &[Key::plain(K::PageUp)],
        "previous question",
        &[X::Interview],
        None,
    ),
    b(
        C::ClearAnswer,
        &[Key::plain(K::Delete)],
        "clear the answer (in a text field: Ctrl-U)",
        &[X::Interview],
        None,
    ),
    b(
        C::Why,
        &[Key::ch('w')],
        "why: the trace of the selected item or flag",
        &[X::Interview],
        Some("why"),
    ),
    b(
        C::Remove,
        &[Key::ch('x')],
        "remove the selected item from the scope, with a reason",
        &[X::Interview],
        None,
    ),
    b(
        C::Decide,
        &[Key::ch('d')],
        "on a flag: record the decision (who, conditions, approve or decline)",
        &[X::Interview],
        None,
    ),
    b(
        C::Resolve,
        &[Key::ch('r'), Key::ctrl('r')],
        "a conflict from a team sync on this question: keep one value or take the other (Ctrl-R also in a text field)",
        &[X::Interview],
        None,
    ),
    // Catalog
    b(
        C::Add,
        &[Key::ch('a')],
        "add the offering with the selected plan to the scope, with a reason",
        &[X::Catalog],
        Some("add"),
    ),
    b(
        C::Remove,
        &[Key::ch('x')],
        "remove the offering from the scope, with a reason",
        &[X::Catalog],
        Some("remove"),
    ),
    b(
        C::Reset,
        &[Key::ch('r')],
        "undo the manual add or removal of the offering",
        &[X::Catalog],
        Some("undo"),
    ),
    b(
        C::Select,
        &[Key::plain(K::Enter)],
        "to the plans of the offering (↑↓ choose a plan there)",
        &[X::Catalog],
        None,
    ),
    // Preview
    b(
        C::Audience,
        &[Key::ch('a')],
        "switch the audience: customer or internal",
        &[X::Preview],
        Some("audience"),
    ),
    b(
        C::Export,
        &[Key::ch('e')],
        "export the proposal to a file",
        &[X::Preview],
        Some("export"),
    ),
    // Options box
    b(
        C::Select,
        &[Key::plain(K::Enter)],
        "edit the selected one: Base (the session's own answers) or an option",
        &[X::Options],
        Some("edit"),
    ),
    b(
        C::Add,
        &[Key::ch('a')],
        "add an option: name it, then answer where it differs from Base",
        &[X::Options],
        Some("add"),
    ),
    b(
        C::Remove,
        &[Key::ch('x')],
        "remove the selected option (asks first)",
        &[X::Options],
        Some("remove"),
    ),
    b(
        C::Back,
        &[Key::plain(K::Esc), Key::ch('o')],
        "close",
        &[X::Options],
        Some("close"),
    ),
    // Options compared
    b(
        C::Left,
        &[Key::plain(K::Left), Key::ch('h')],
        "previous option",
        &[X::Compare],
        None,
    ),
    b(
        C::Right,
        &[Key::plain(K::Right), Key::ch('l')],
        "next option",
        &[X::Compare],
        None,
    ),
    b(
        C::Select,
        &[Key::plain(K::Enter)],
        "edit the option under the cursor, in the interview",
        &[X::Compare],
        Some("edit"),
    ),
    // Insights
    b(
        C::Reload,
        &[Key::ch('r')],
        "read the saved sessions again",
        &[X::Insights],
        Some("reload"),
    ),
    // Session screens
    b(
        C::Search,
        &[Key::ch('/'), Key::ctrl('p')],
        "search questions, offerings and rules",
        SESSION,
        Some("search"),
    ),
    b(
        C::GoInterview,
        &[Key::ch('i')],
        "the interview",
        &[X::Catalog, X::Preview, X::Compare],
        Some("interview"),
    ),
    b(
        C::GoCatalog,
        &[Key::ch('c')],
        "the catalog: offerings, plans, prices, owners",
        &[X::Interview, X::Preview, X::Compare],
        Some("catalog"),
    ),
    b(
        C::GoPreview,
        &[Key::ch('p')],
        "the proposal preview and export",
        &[X::Interview, X::Catalog, X::Compare],
        Some("proposal"),
    ),
    // Search
    b(
        C::Select,
        &[Key::plain(K::Enter)],
        "go to the selected hit",
        &[X::Search],
        Some("go"),
    ),
    // Dialogs
    b(
        C::Select,
        &[Key::plain(K::Enter)],
        "confirm",
        &[X::Dialog],
        Some("confirm"),
    ),
    b(
        C::NextPane,
        &[Key::plain(K::Tab)],
        "next field",
        &[X::Dialog],
        Some("next field"),
    ),
    b(
        C::PrevPane,
        &[Key::plain(K::BackTab)],
        "previous field",
        &[X::Dialog],
        None,
    ),
    b(
        C::Back,
        &[Key::plain(K::Esc)],
        "cancel",
        &[X::Dialog, X::Search],
        Some("cancel"),
    ),
    // Trace
    b(
        C::Select,
        &[Key::plain(K::Enter)],
        "go to the question behind it",
        &[X::Trace],
        Some("go to question"),
    ),
    b(
        C::Back,
        &[Key::plain(K::Esc), Key::ch('w')],
        "close",
        &[X::Trace],
        Some("close"),
    ),
    // Help
    b(
        C::Back,
        &[Key::plain(K::Esc), Key::ch('?')],
        "close",
        &[X::Help],
        Some("close"),
    ),
    // Everywhere
    b(
        C::Quit,
        &[Key::ch('q')],
        "quit (everything is saved already)",
        &[X::Global],
        Some("quit"),
    ),
    b(
        C::Quit,
        &[Key::ctrl('c')],
        "quit, also while typing",
        &[X::Global, X::Search, X::Dialog],
        Some("quit"),
    ),
    b(
        C::Help,
        &[Key::ch('?')],
        "the keys of this screen",
        &[X::Global],
        Some("help"),
    ),
    b(
        C::Back,
        &[Key::plain(K::Esc)],
        "back: leave a number or text field, close a box, or go to the previous screen",
        &[X::Global],
        None,
    ),
    b(
        C::NextPane,
        &[Key::plain(K::Tab)],
        "next pane",
        PANES,
        Some("pane"),
    ),
    b(
        C::PrevPane,
        &[Key::plain(K::BackTab)],
        "previous pane",
        PANES,
        None,
    ),
    // Options (after the panes: they give way first in the hint bar)
    b(
        C::Options,
        &[Key::ch('o')],
        "options: edit Base or an option, add or remove options",
        SESSION,
        Some("options"),
    ),
    b(
        C::Compare,
        &[Key::ch('v')],
        "the options side by side, differences marked",
        &[X::Interview, X::Catalog, X::Preview, X::Options],
        Some("compare"),
    ),
    b(
        C::Status,
        &[Key::ch('S')],
        "the session's status: draft, proposed, won or lost",
        SESSION,
        Some("status"),
    ),
    b(
        C::Up,
        &[Key::plain(K::Up), Key::ch('k')],
        "up",
        &[X::Global],
        None,
    ),
    b(
        C::Down,
        &[Key::plain(K::Down), Key::ch('j')],
        "down",
        &[X::Global],
        None,
    ),
    b(
        C::Up,
        &[Key::plain(K::Up)],
        "up",
        &[X::Search, X::Dialog],
        None,
    ),
    b(
        C::Down,
        &[Key::plain(K::Down)],
        "down",
        &[X::Search, X::Dialog],
        None,
    ),
    b(
        C::Left,
        &[Key::plain(K::Left), Key::ch('h')],
        "previous plan",
        &[X::Catalog],
        None,
    ),
    b(
        C::Right,
        &[Key::plain(K::Right), Key::ch('l')],
        "next plan",
        &[X::Catalog],
        None,
    ),
    b(
        C::Left,
        &[Key::plain(K::Left), Key::ch('h')],
        "yes (yes/no questions)",
        &[X::Interview],
        None,
    ),
    b(
        C::Right,
        &[Key::plain(K::Right), Key::ch('l')],
        "no (yes/no questions); in the section list: open",
        &[X::Interview],
        None,
    ),
    b(
        C::PageUp,
        &[Key::plain(K::PageUp)],
        "a page up",
        LISTS,
        None,
    ),
    b(
        C::PageDown,
        &[Key::plain(K::PageDown)],
        "a page down",
        LISTS,
        None,
    ),
    b(
        C::Top,
        &[Key::plain(K::Home), Key::ch('g')],
        "to the top",
        &[X::Global],
        None,
    ),
    b(
        C::Bottom,
        &[Key::plain(K::End), Key::ch('G')],
        "to the bottom",
        &[X::Global],
        None,
    ),
];
