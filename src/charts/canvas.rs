//! The drawing backend the charts draw on: plotters' marks written as
//! compact SVG text, and the few marks plotters has no SVG form for
//! (dashed lines, a map's cells; see marks.rs) written as one element each.
//!
//! Plotters' own SVG backend writes a dashed line as one `<polyline>` per
//! dash (a hundred or more for a curve across a wide chart), every element
//! with attributes that only restate defaults (`opacity="1"`,
//! `stroke="none"`) and a line break after it, which the browser keeps as
//! a text node. Each of those is parsed, styled and laid out on every
//! slider move. This backend writes a dashed line as one `<polyline>` with
//! a `stroke-dasharray`, which draws the same dashes, leaves defaults
//! unsaid and puts nothing between elements, so a chart is a fraction of
//! the elements and the text it was, and looks the same.

use plotters::prelude::DrawingBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use std::fmt::Write as _;

/// Writing to a `String` cannot fail; the type is plotters' to ask for.
pub type Failure = DrawingErrorKind<std::fmt::Error>;

/// A plotters backend that appends SVG text to a string, opened with the
/// root `<svg>` and closed by `present`.
pub struct Canvas<'a> {
    buf: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

impl<'a> Canvas<'a> {
    /// A drawing `size` pixels wide and high, written into `buf`.
    pub fn new(buf: &'a mut String, size: (u32, u32)) -> Canvas<'a> {
        let _ = write!(
            buf,
            "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">",
            w = size.0,
            h = size.1
        );
        Canvas {
            buf,
            size,
            closed: false,
        }
    }

    /// ` fill="#RRGGBB"` (or stroke), and its opacity when not opaque.
    fn paint(&mut self, attribute: &str, color: BackendColor) {
        let (r, g, b) = color.rgb;
        let _ = write!(self.buf, " {attribute}=\"#{r:02X}{g:02X}{b:02X}\"");
        if color.alpha < 1.0 {
            let _ = write!(
                self.buf,
                " opacity=\"{}\"",
                crate::decimal::short(color.alpha)
            );
        }
    }

    fn points(&mut self, points: impl IntoIterator<Item = BackendCoord>) {
        self.buf.push_str(" points=\"");
        for (k, (x, y)) in points.into_iter().enumerate() {
            let gap = if k == 0 { "" } else { " " };
            let _ = write!(self.buf, "{gap}{x},{y}");
        }
        self.buf.push('"');
    }

    /// An open line through `points`, dashed `dash` (on, off pixels) if
    /// given: one element however many dashes it shows.
    pub fn polyline(
        &mut self,
        points: impl IntoIterator<Item = BackendCoord>,
        color: BackendColor,
        width: u32,
        dash: Option<(u32, u32)>,
    ) {
        if color.alpha == 0.0 {
            return;
        }
        self.buf.push_str("<polyline fill=\"none\"");
        self.paint("stroke", color);
        let _ = write!(self.buf, " stroke-width=\"{width}\"");
        if let Some((on, off)) = dash {
            let _ = write!(self.buf, " stroke-dasharray=\"{on} {off}\"");
        }
        self.points(points);
        self.buf.push_str("/>");
    }

    /// Straight lines from each `(from, to)`, of one colour and width, as
    /// one `<path>`.
    pub fn lines(
        &mut self,
        lines: impl IntoIterator<Item = (BackendCoord, BackendCoord)>,
        color: BackendColor,
        width: u32,
    ) {
        if color.alpha == 0.0 {
            return;
        }
        self.buf.push_str("<path fill=\"none\"");
        self.paint("stroke", color);
        let _ = write!(self.buf, " stroke-width=\"{width}\" d=\"");
        for ((x1, y1), (x2, y2)) in lines {
            let _ = write!(self.buf, "M{x1} {y1}L{x2} {y2}");
        }
        self.buf.push_str("\"/>");
    }

    /// Opens (`true`) or closes a `<g>` around the marks between.
    pub fn group(&mut self, open: bool) {
        self.buf.push_str(if open { "<g>" } else { "</g>" });
    }

    /// Filled axis-aligned rectangles of one colour as one `<path>`:
    /// each `(left, top, right, bottom)` a closed square-cornered subpath.
    pub fn rects(&mut self, rects: &[(i32, i32, i32, i32)], color: BackendColor) {
        if color.alpha == 0.0 || rects.is_empty() {
            return;
        }
        self.buf.push_str("<path");
        self.paint("fill", color);
        self.buf.push_str(" d=\"");
        for &(left, top, right, bottom) in rects {
            let _ = write!(self.buf, "M{left} {top}H{right}V{bottom}H{left}z");
        }
        self.buf.push_str("\"/>");
    }
}

impl DrawingBackend for Canvas<'_> {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), Failure> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), Failure> {
        if !self.closed {
            self.buf.push_str("</svg>");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result<(), Failure> {
        self.draw_rect((x, y), (x + 1, y + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Failure> {
        self.polyline([from, to], style.color(), style.stroke_width(), None);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (left, top): BackendCoord,
        (right, bottom): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let _ = write!(
            self.buf,
            "<rect x=\"{left}\" y=\"{top}\" width=\"{}\" height=\"{}\"",
            right - left,
            bottom - top
        );
        if fill {
            self.paint("fill", color);
        } else {
            self.buf.push_str(" fill=\"none\"");
            self.paint("stroke", color);
        }
        self.buf.push_str("/>");
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failure> {
        self.polyline(path, style.color(), style.stroke_width(), None);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failure> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.buf.push_str("<polygon");
        self.paint("fill", color);
        self.points(path);
        self.buf.push_str("/>");
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let _ = write!(self.buf, "<circle cx=\"{x}\" cy=\"{y}\" r=\"{radius}\"");
        if fill {
            self.paint("fill", color);
        } else {
            self.buf.push_str(" fill=\"none\"");
            self.paint("stroke", color);
            let _ = write!(self.buf, " stroke-width=\"{}\"", style.stroke_width());
        }
        self.buf.push_str("/>");
        Ok(())
    }

    /// The charts write their text as [`super::labels::Labels`]; plotters'
    /// own text (which would need fonts measured) is never drawn.
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        _text: &str,
        _style: &T,
        _pos: BackendCoord,
    ) -> Result<(), Failure> {
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        _text: &str,
        _style: &T,
    ) -> Result<(u32, u32), Failure> {
        Ok((0, 0))
    }

    fn blit_bitmap(
        &mut self,
        _pos: BackendCoord,
        _size: (u32, u32),
        _src: &[u8],
    ) -> Result<(), Failure> {
        Ok(())
    }
}
