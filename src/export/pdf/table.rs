//! Tables: column widths from the cells' words and lines, wrapped cells,
//! a header row repeated on every page the table runs onto, and a total
//! row under a rule. A row taller than a whole page is split between
//! lines, so no text is ever cut off.

use super::fonts::Weight;
use super::layout::{
    BODY_BOTTOM, Flow, INK, Line, MARGIN_X, Mark, Rgb, Run, Style, TEXT_WIDTH, break_lines, leading,
};

const SIZE: f32 = 7.5;
const PAD_X: f32 = 3.0;
const PAD_Y: f32 = 2.5;
const HEADER_FILL: Rgb = [0.9, 0.92, 0.95];
const TOTAL_FILL: Rgb = [0.95, 0.95, 0.95];
const RULE: Rgb = [0.75, 0.75, 0.78];

/// A cell's text.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub runs: Vec<Run>,
}

/// A table as the PDF draws it.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub header: Vec<Cell>,
    /// Right-aligned columns (numbers).
    pub right: Vec<bool>,
    /// A column's share of the width left over once every column holds its
    /// longest word.
    pub weights: Vec<f32>,
    pub rows: Vec<Vec<Cell>>,
    /// A label over the first `span` columns, then a cell per column.
    pub total: Option<(Cell, usize, Vec<Cell>)>,
}

/// The width of each column: at least its longest word (as far as the
/// page allows), the rest shared by how much more each column's text
/// wants, then by weight.
pub fn column_widths(flow: &Flow, grid: &Grid, width: f32) -> Vec<f32> {
    let n = grid.header.len();
    let mut min = vec![0.0_f32; n];
    let mut max = vec![0.0_f32; n];
    // The header and the total are set in bold, and measured so.
    let mut measure = |i: usize, cell: &Cell, bold: bool| {
        let lines = break_lines(
            flow.fonts,
            &emboldened(&cell.runs, bold),
            SIZE,
            f32::INFINITY,
        );
        for l in &lines {
            max[i] = max[i].max(l.width);
            for p in &l.pieces {
                for word in p.text.split(' ') {
                    min[i] = min[i].max(flow.fonts.width(word, p.weight, SIZE));
                }
            }
        }
    };
    for (i, c) in grid.header.iter().enumerate() {
        measure(i, c, true);
    }
    for row in &grid.rows {
        for (i, c) in row.iter().enumerate().take(n) {
            measure(i, c, false);
        }
    }
    if let Some((_, span, cells)) = &grid.total {
        for (i, c) in cells.iter().enumerate() {
            if span + i < n {
                measure(span + i, c, true);
            }
        }
    }
    let pad = 2.0 * PAD_X;
    let min: Vec<f32> = min.iter().map(|w| w + pad).collect();
    let max: Vec<f32> = max
        .iter()
        .zip(&min)
        .map(|(w, m)| (w + pad).max(*m))
        .collect();
    let sum_min: f32 = min.iter().sum();
    let sum_max: f32 = max.iter().sum();
    let weight = |i: usize| grid.weights.get(i).copied().unwrap_or(1.0).max(0.1);
    let total_weight: f32 = (0..n).map(weight).sum();
    if sum_max <= width {
        // Everything fits on one line: the rest by weight.
        let extra = width - sum_max;
        return (0..n)
            .map(|i| max[i] + extra * weight(i) / total_weight)
            .collect();
    }
    if sum_min <= width {
        let extra = width - sum_min;
        let want: f32 = (sum_max - sum_min).max(0.001);
        return (0..n)
            .map(|i| min[i] + extra * (max[i] - min[i]) / want)
            .collect();
    }
    // Not even the longest words fit: words are broken, each column
    // shrunk alike.
    min.iter().map(|m| m * width / sum_min).collect()
}

/// A row's cells, broken into lines.
type Laid = Vec<Vec<Line>>;

/// Where a cell sits: its left edge, its width, right-aligned or not.
#[derive(Debug, Clone, Copy)]
struct Column {
    x: f32,
    width: f32,
    right: bool,
}

/// A row ready to draw: its cells' lines, their columns, a fill.
struct Row {
    cells: Laid,
    cols: Vec<Column>,
    fill: Option<Rgb>,
}

fn lay_cells(flow: &Flow, cells: &[(Vec<Run>, f32)], bold: bool) -> Laid {
    cells
        .iter()
        .map(|(runs, w)| {
            let runs = emboldened(runs, bold);
            break_lines(flow.fonts, &runs, SIZE, (w - 2.0 * PAD_X).max(1.0))
        })
        .collect()
}

/// The runs, all in bold when `bold`.
fn emboldened(runs: &[Run], bold: bool) -> Vec<Run> {
    runs.iter()
        .map(|r| Run {
            weight: if bold { Weight::Bold } else { r.weight },
            ..r.clone()
        })
        .collect()
}

/// Draws `grid` across the text width from the flow's position.
pub fn draw(flow: &mut Flow, grid: &Grid) {
    let n = grid.header.len();
    if n == 0 {
        return;
    }
    let widths = column_widths(flow, grid, TEXT_WIDTH);
    let xs: Vec<f32> = widths
        .iter()
        .scan(MARGIN_X, |x, w| {
            let at = *x;
            *x += w;
            Some(at)
        })
        .collect();
    let header_cells: Vec<(Vec<Run>, f32)> = grid
        .header
        .iter()
        .zip(&widths)
        .map(|(c, w)| (c.runs.clone(), *w))
        .collect();
    let header = lay_cells(flow, &header_cells, true);
    let cols: Vec<Column> = xs
        .iter()
        .zip(&widths)
        .enumerate()
        .map(|(i, (x, w))| Column {
            x: *x,
            width: *w,
            right: grid.right.get(i).copied().unwrap_or(false),
        })
        .collect();
    let header_height = height(&header);
    let mut rows: Vec<Row> = grid
        .rows
        .iter()
        .map(|row| {
            let cells: Vec<(Vec<Run>, f32)> = (0..n)
                .map(|i| {
                    (
                        row.get(i).map(|c| c.runs.clone()).unwrap_or_default(),
                        widths[i],
                    )
                })
                .collect();
            Row {
                cells: lay_cells(flow, &cells, false),
                cols: cols.clone(),
                fill: None,
            }
        })
        .collect();
    if let Some((label, span, cells)) = &grid.total {
        let span = (*span).clamp(1, n);
        let mut laid_cols = vec![Column {
            x: MARGIN_X,
            width: widths[..span].iter().sum(),
            right: false,
        }];
        laid_cols.extend(cols[span..].iter().copied());
        let mut runs = vec![(label.runs.clone(), laid_cols[0].width)];
        runs.extend((span..n).map(|i| {
            (
                cells
                    .get(i - span)
                    .map(|c| c.runs.clone())
                    .unwrap_or_default(),
                widths[i],
            )
        }));
        rows.push(Row {
            cells: lay_cells(flow, &runs, true),
            cols: laid_cols,
            fill: Some(TOTAL_FILL),
        });
    }
    // The header and the first row stay together.
    let first = rows.first().map_or(0.0, |r| height(&r.cells));
    flow.need(header_height + first.min(BODY_BOTTOM / 2.0));
    draw_row(flow, &header, &cols, Some(HEADER_FILL), 0.8);
    for Row {
        cells: laid,
        cols: cols_of_row,
        fill,
    } in &rows
    {
        let mut from = vec![0usize; laid.len()];
        let mut fresh = false;
        loop {
            let rest: Vec<Vec<Line>> = laid
                .iter()
                .zip(&from)
                .map(|(l, f)| l[(*f).min(l.len())..].to_vec())
                .collect();
            let h = height(&rest);
            let room = BODY_BOTTOM - flow.y;
            let thickness = if fill.is_some() { 0.8 } else { 0.3 };
            if h <= room {
                if fill.is_some() {
                    rule(flow, 0.8);
                }
                draw_row(flow, &rest, cols_of_row, *fill, thickness);
                break;
            }
            if !fresh {
                flow.new_page();
                draw_row(flow, &header, &cols, Some(HEADER_FILL), 0.8);
                fresh = true;
                continue;
            }
            // Taller than a page: as many lines as fit, the rest after.
            let fit = (((room - 2.0 * PAD_Y) / leading(SIZE)).floor() as usize).max(1);
            let part: Vec<Vec<Line>> = rest
                .iter()
                .map(|l| l[..fit.min(l.len())].to_vec())
                .collect();
            draw_row(flow, &part, cols_of_row, *fill, thickness);
            for (f, l) in from.iter_mut().zip(&rest) {
                *f += fit.min(l.len());
            }
            flow.new_page();
            draw_row(flow, &header, &cols, Some(HEADER_FILL), 0.8);
        }
    }
    flow.y += 4.0;
}

fn height(cells: &[Vec<Line>]) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
    lines as f32 * leading(SIZE) + 2.0 * PAD_Y
}

fn rule(flow: &mut Flow, thickness: f32) {
    let y = flow.y;
    flow.page().marks.push(Mark::Rule {
        x: MARGIN_X,
        y,
        width: TEXT_WIDTH,
        thickness,
        color: INK,
    });
}

/// One row at the flow's position, its cells' lines from the top, a rule
/// under it.
fn draw_row(
    flow: &mut Flow,
    cells: &[Vec<Line>],
    cols: &[Column],
    fill: Option<Rgb>,
    thickness: f32,
) {
    let h = height(cells);
    let top = flow.y;
    if let Some(color) = fill {
        flow.page().marks.push(Mark::Fill {
            x: MARGIN_X,
            y: top,
            width: TEXT_WIDTH,
            height: h,
            color,
        });
    }
    let style = Style::new(Weight::Regular, SIZE, INK);
    for (lines, col) in cells.iter().zip(cols) {
        for (i, line) in lines.iter().enumerate() {
            let baseline = top + PAD_Y + i as f32 * leading(SIZE) + super::layout::baseline(SIZE);
            let at = if col.right {
                col.x + col.width - PAD_X - line.width
            } else {
                col.x + PAD_X
            };
            flow.draw_line(line, at, baseline, style);
        }
    }
    flow.y = top + h;
    flow.page().marks.push(Mark::Rule {
        x: MARGIN_X,
        y: top + h,
        width: TEXT_WIDTH,
        thickness,
        color: if thickness > 0.5 { INK } else { RULE },
    });
}

#[cfg(test)]
mod tests {
    use super::super::fonts::Fonts;
    use super::*;

    fn cell(s: &str) -> Cell {
        Cell {
            runs: vec![Run::regular(s)],
        }
    }

    #[test]
    fn columns_hold_their_longest_word_and_fill_the_width() {
        let fonts = Fonts::new();
        let flow = Flow::new(&fonts);
        let grid = Grid {
            header: vec![cell("Component"), cell("Monthly (CHF)"), cell("Note")],
            right: vec![false, true, false],
            weights: vec![3.0, 2.0, 3.0],
            rows: vec![vec![
                cell("Managed OpenShift production cluster"),
                cell("24'118"),
                cell(
                    "A long note that says what the price covers and what it leaves out, more than once, so that it wraps.",
                ),
            ]],
            total: None,
        };
        let w = column_widths(&flow, &grid, 300.0);
        assert!((w.iter().sum::<f32>() - 300.0).abs() < 0.01, "{w:?}");
        let longest = fonts.width("(CHF)", Weight::Regular, SIZE).max(fonts.width(
            "24'118",
            Weight::Regular,
            SIZE,
        ));
        assert!(w[1] >= longest + 2.0 * PAD_X);
        assert!(w[2] > w[1], "the long note gets more room: {w:?}");
    }
}
