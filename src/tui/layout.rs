//! Layout: pure functions from an area to named areas. Drawing and mouse
//! hit-testing both call them, so a click lands where the eye sees.
//!
//! The smallest supported terminal is 80×24; below it the screen shows a
//! note instead of a broken layout. Under 110 columns the interview's
//! section list collapses into a one-line strip above the question.

use ratatui::layout::Rect;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// From this width on, the interview shows its three panes side by side.
pub const WIDE: u16 = 110;

/// The frame every screen shares: a header bar, the body, a footer bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chrome {
    pub header: Rect,
    pub body: Rect,
    pub footer: Rect,
}

/// `None` when the terminal is smaller than 80×24.
pub fn chrome(area: Rect) -> Option<Chrome> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    Some(Chrome {
        header: Rect::new(area.x, area.y, area.width, 1),
        body: Rect::new(area.x, area.y + 1, area.width, area.height - 2),
        footer: Rect::new(area.x, area.y + area.height - 1, area.width, 1),
    })
}

/// The interview's panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interview {
    /// The section list (wide terminals).
    pub sections: Option<Rect>,
    /// The one-line section strip that replaces it on narrow ones.
    pub strip: Option<Rect>,
    pub question: Rect,
    pub scope: Rect,
    pub flags: Rect,
}

/// Splits the body; the flags box grows with the number of flags, up to
/// half of the right column.
pub fn interview(body: Rect, flag_count: usize) -> Interview {
    let wide = body.width >= WIDE;
    let (sections, strip, main) = if wide {
        let w = (body.width * 22 / 100).clamp(24, 34);
        let sections = Rect::new(body.x, body.y, w, body.height);
        let main = Rect::new(body.x + w, body.y, body.width - w, body.height);
        (Some(sections), None, main)
    } else {
        let strip = Rect::new(body.x, body.y, body.width, 1);
        let main = Rect::new(
            body.x,
            body.y + 1,
            body.width,
            body.height.saturating_sub(1),
        );
        (None, Some(strip), main)
    };
    let right_w = if wide {
        (body.width * 42 / 100).clamp(40, 64)
    } else {
        (body.width * 43 / 100).max(30)
    };
    let right_w = right_w.min(main.width.saturating_sub(30));
    let question = Rect::new(main.x, main.y, main.width - right_w, main.height);
    let right = Rect::new(main.x + question.width, main.y, right_w, main.height);
    let wanted = u16::try_from(flag_count.max(1))
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    // The items get the larger share on a small terminal; the flags box
    // says how many more there are.
    let cap = if wide {
        right.height / 2
    } else {
        right.height * 2 / 5
    };
    let flags_h = wanted.clamp(3, cap.max(3)).min(right.height);
    let scope = Rect::new(right.x, right.y, right.width, right.height - flags_h);
    let flags = Rect::new(right.x, right.y + scope.height, right.width, flags_h);
    Interview {
        sections,
        strip,
        question,
        scope,
        flags,
    }
}

/// The catalog browser: the offerings on the left, one offering's detail
/// on the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Catalog {
    pub list: Rect,
    pub detail: Rect,
}

pub fn catalog(body: Rect) -> Catalog {
    let w = (body.width * 36 / 100).clamp(30, 48);
    Catalog {
        list: Rect::new(body.x, body.y, w, body.height),
        detail: Rect::new(body.x + w, body.y, body.width - w, body.height),
    }
}

/// A box of at most `width`×`height` centred in `area`.
pub fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The search box: an input line over the hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchBox {
    pub outer: Rect,
    pub input: Rect,
    pub results: Rect,
}

pub fn search(area: Rect) -> SearchBox {
    let outer = popup(
        area,
        (area.width * 4 / 5).max(60),
        area.height.saturating_sub(4).max(10),
    );
    let inner = inner(outer);
    SearchBox {
        outer,
        input: Rect::new(inner.x, inner.y, inner.width, 1),
        results: Rect::new(
            inner.x,
            inner.y + 2,
            inner.width,
            inner.height.saturating_sub(2),
        ),
    }
}

/// The area for content inside a one-cell border, with one column of
/// air on either side so text never touches the frame.
/// The inside of a bordered pane less `top` rows above and `bottom` rows
/// below: the lines under a header and over a footer.
pub fn inset(r: Rect, top: u16, bottom: u16) -> Rect {
    let inner = inner(r);
    Rect::new(
        inner.x,
        inner.y + top,
        inner.width,
        inner.height.saturating_sub(top + bottom),
    )
}

pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(2),
        r.y.saturating_add(1),
        r.width.saturating_sub(4),
        r.height.saturating_sub(2),
    )
}

/// Whether the point (column, row) is in `r`.
pub fn contains(r: Rect, column: u16, row: u16) -> bool {
    column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(outer: Rect, r: Rect) -> bool {
        r.x >= outer.x
            && r.y >= outer.y
            && r.right() <= outer.right()
            && r.bottom() <= outer.bottom()
    }

    #[test]
    fn below_the_minimum_there_is_no_layout() {
        assert!(chrome(Rect::new(0, 0, 79, 40)).is_none());
        assert!(chrome(Rect::new(0, 0, 120, 23)).is_none());
        assert!(chrome(Rect::new(0, 0, 80, 24)).is_some());
    }

    #[test]
    fn interview_panes_tile_the_body_at_every_size() {
        for (w, h) in [
            (80, 24),
            (100, 30),
            (109, 24),
            (110, 24),
            (120, 40),
            (200, 60),
        ] {
            let body = chrome(Rect::new(0, 0, w, h)).expect("big enough").body;
            for flags in [0, 1, 5, 40] {
                let l = interview(body, flags);
                assert_eq!(l.sections.is_some(), w >= WIDE);
                assert_eq!(l.strip.is_some(), w < WIDE);
                for r in [l.question, l.scope, l.flags]
                    .into_iter()
                    .chain(l.sections)
                    .chain(l.strip)
                {
                    assert!(inside(body, r), "{r:?} outside {body:?} at {w}x{h}");
                }
                assert!(
                    l.question.width >= 30,
                    "question pane too narrow at {w}x{h}"
                );
                assert!(l.scope.height >= l.flags.height.min(body.height / 2));
                assert_eq!(l.question.right(), l.scope.x);
                assert_eq!(l.scope.bottom(), l.flags.y);
                assert_eq!(l.flags.bottom(), body.bottom());
            }
        }
    }
}
